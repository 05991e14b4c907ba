import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config/config';
import type { CobrowseController } from '../../src/core/controller';
import { ERROR_TABLE } from '../../src/shared/errors';
import { LOCALES, pickLocale, translator, type LocaleMessages } from '../../src/i18n/translator';
import en from '../../src/i18n/locales/en';
import { importLocale } from '../../src/i18n/locales';
import { mountUi } from '../../src/ui/mount';
import { validateTheme } from '../../src/config/theme';
import { createManualClock } from '../helpers/manual-clock';
import { cleanupWidgets, setupWidget } from '../helpers/widget';

afterEach(() => {
  cleanupWidgets();
  vi.restoreAllMocks();
});

/** Waits for a dynamic import() of a locale chunk (real promises, not the manual clock). */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('every built-in language', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every string, the same placeholders, plural "other" forms and all error sentences', async (lang) => {
    const m = (await importLocale(lang)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(en)) {
      const mine = m[key];
      expect(mine, `${lang}.${key}`).toBeDefined();
      const placeholders = (s: unknown) => [...JSON.stringify(s).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      if (typeof value === 'object') {
        expect(typeof (mine as { other?: string }).other, `${lang}.${key}.other`).toBe('string');
        for (const form of Object.values(mine as object)) expect(placeholders(form).every((p) => p === 'n'), `${lang}.${key}`).toBe(true);
      } else {
        expect(placeholders(mine), `${lang}.${key}`).toEqual(placeholders(value));
      }
    }
    const errors = (m as LocaleMessages).errors!;
    for (const code of Object.keys(ERROR_TABLE)) expect(errors[code as keyof typeof errors], `${lang} error ${code}`).toBeTruthy();
  });

  it('plural forms follow Intl.PluralRules (Arabic has six, Hebrew a dual)', async () => {
    const ar = translator('ar', await importLocale('ar'));
    expect([1, 2, 3, 11, 100].map((n) => ar('secondsLeft', { n }))).toEqual([
      'الوقت المتبقي: ثانية واحدة',
      'الوقت المتبقي: ثانيتان',
      'الوقت المتبقي: \u20683\u2069 ثوانٍ',
      'الوقت المتبقي: \u206811\u2069 ثانية',
      'الوقت المتبقي: \u2068100\u2069 ثانية',
    ]);
    const he = translator('he', await importLocale('he'));
    expect([1, 2, 3].map((n) => he('minutesLeft', { n }))).toEqual(['נותרה דקה אחת', 'נותרו שתי דקות', 'נותרו \u20683\u2069 דקות']);
    const t = translator('en');
    expect([1, 2].map((n) => t('minutesLeft', { n }))).toEqual(['1 minute left', '2 minutes left']);
  });

  it('pickLocale: "auto" reads the browser list; regions and legacy codes map to the base language', () => {
    expect(pickLocale('auto', ['de-CH', 'en'])).toBe('de');
    expect(pickLocale('auto', ['ko', 'pt-BR'])).toBe('pt');
    expect(pickLocale('auto', ['iw'])).toBe('he');
    expect(pickLocale('auto', ['ko'])).toBe('en');
    expect(pickLocale('zh-Hant-TW', [])).toBe('zh');
    expect(pickLocale('fr', ['de'])).toBe('fr');
  });
});

describe('languages in the widget', () => {
  it('locale "fr": French strings, lang="fr"; errors in French too', async () => {
    const w = setupWidget({ locale: 'fr' });
    expect(w.q('[data-part="launcher"]')).toBeNull(); // nothing until the strings are in: no English flash
    await settle();
    await w.clock.flush();
    expect(w.q('[data-part="launcher"]')?.textContent).toBe('Obtenir de l’aide');
    expect(w.q('.root')?.getAttribute('lang')).toBe('fr');
    expect(w.q('.root')?.getAttribute('dir')).toBe('ltr');
    w.fake.failNextStart(1016);
    await w.click('[data-part="launcher"]');
    expect(w.text()).toContain('Masqué pour l’agent');
    await w.click('[data-action="accept"]');
    await w.clock.advance(100);
    expect(w.q('[data-part="error-message"]')?.textContent).toBe('La connexion au service d’assistance a été perdue. Vérifiez votre connexion Internet et réessayez.');
  });

  it('locale "auto" follows navigator.languages; Arabic mirrors the panel (dir="rtl")', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ar-EG', 'en']);
    const w = setupWidget();
    await settle();
    await w.clock.flush();
    expect(w.q('.root')?.getAttribute('dir')).toBe('rtl');
    expect(w.q('.root')?.getAttribute('lang')).toBe('ar');
    expect(w.q('[data-part="launcher"]')?.textContent).toBe('احصل على المساعدة');
  });

  it('labels override any string, in any language, as text', async () => {
    const w = setupWidget({ locale: 'de', labels: { launcher: 'Hilfe per Bildschirm', minutesLeft: { one: 'noch {n} Min.', other: 'noch {n} Min.' }, consentAccept: '<b>Ja</b>' } });
    await settle();
    await w.clock.flush();
    expect(w.q('[data-part="launcher"]')?.textContent).toBe('Hilfe per Bildschirm');
    await w.click('[data-part="launcher"]');
    expect(w.q('[data-action="accept"]')?.textContent).toBe('<b>Ja</b>');
    expect(w.root.querySelector('b')).toBeNull();
    await w.click('[data-action="accept"]');
    await w.clock.advance(100);
    expect(w.q('[data-part="countdown"]')?.textContent).toContain('noch 3 Min.');
  });

  it('labels and locale are validated', () => {
    const base = { sdkKey: 'k', token: '/t' };
    expect(() => resolveConfig({ ...base, labels: { lancher: 'x' } })).toThrow(/labels\.lancher.*Accepted options in "labels": launcher, launcherActive/);
    expect(() => resolveConfig({ ...base, labels: { launcher: 42 } })).toThrow(/labels\.launcher/);
    expect(() => resolveConfig({ ...base, labels: { launcher: { other: 'x' } } })).toThrow(/labels\.launcher/);
    expect(() => resolveConfig({ ...base, labels: { minutesLeft: { one: 'x' } } })).toThrow(/labels\.minutesLeft.*plural forms/);
    expect(() => resolveConfig({ ...base, locale: 'french!' })).toThrow(/locale.*language tag/);
    expect(resolveConfig({ ...base, locale: 'pt-BR' }).locale).toBe('pt-BR');
  });

  it('an unsupported locale shows English and says so in the console', async () => {
    const warn = vi.fn();
    const w = setupWidget({ locale: 'ko' }, {}, { logger: { debug() {}, info() {}, error() {}, warn } });
    await w.clock.flush();
    expect(w.q('[data-part="launcher"]')?.textContent).toBe('Get help');
    expect(warn.mock.calls[0]![0]).toMatch(/^\[zoom-cobrowse-widget\] no built-in strings for locale "ko"/);
  });
});

describe('locale loading never blocks the launcher', () => {
  const mount = (messages: Promise<LocaleMessages>, warn = vi.fn()) => {
    const clock = createManualClock();
    const controller = { getState: () => ({ state: 'idle' }), subscribe: () => () => {}, warm() {} } as unknown as CobrowseController;
    const ui = mountUi(controller, {
      id: 1, container: document.body, nonce: undefined, theme: validateTheme(undefined, 'theme'), launcher: true, icon: 'help',
      masked: [], privacyUrl: undefined, lang: 'fr', messages, labels: {}, clock, highlight: false, warn,
    });
    const launcher = () => ui.host.shadowRoot!.querySelector('[data-part="launcher"]')?.textContent;
    return { ui, clock, launcher, warn };
  };

  it('a failed language file: English right away, and a console warning', async () => {
    const m = mount(Promise.reject(new Error('blocked')));
    await m.clock.flush();
    expect(m.launcher()).toBe('Get help');
    expect(m.warn.mock.calls[0]![0]).toMatch(/could not load the "fr" strings/);
    expect(m.clock.pending()).toBe(0);
    m.ui.destroy();
  });

  it('a hanging language file: English after 3 s; the language when it arrives; destroy leaves no timer', async () => {
    let resolve!: (m: LocaleMessages) => void;
    const m = mount(new Promise((r) => (resolve = r)));
    await m.clock.advance(2999);
    expect(m.launcher()).toBeUndefined();
    await m.clock.advance(1);
    expect(m.launcher()).toBe('Get help');
    resolve(await importLocale('fr'));
    await m.clock.flush();
    expect(m.launcher()).toBe('Obtenir de l’aide');
    m.ui.destroy();
    expect(m.clock.pending()).toBe(0);
  });
});
