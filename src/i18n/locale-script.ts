import { loadScript, siblingUrl } from '../shared/load-script';
import type { LocaleMessages } from './translator';

/** Where locale scripts put their strings (`ZoomCobrowseWidgetLocales.fr = {…}`); a page may also fill it itself. */
type LocaleGlobal = { ZoomCobrowseWidgetLocales?: Record<string, LocaleMessages> };

/**
 * Script-tag build: loads `locales/{lang}.js` from beside the widget's own
 * script, with a `<script>` carrying the CSP nonce like the SDK's, so a page
 * whose CSP lets the widget in lets its languages in too.
 */
export async function loadLocaleScript(lang: string, nonce: string | undefined): Promise<LocaleMessages> {
  const get = (): LocaleMessages | undefined => (window as LocaleGlobal).ZoomCobrowseWidgetLocales?.[lang];
  if (!get()) {
    // Inlined or re-bundled copies of the widget have no script URL: use the published file on the CDN.
    const url = siblingUrl(`locales/${lang}.js`) ?? `https://cdn.jsdelivr.net/npm/zoom-cobrowse-widget@${__VERSION__}/dist/locales/${lang}.js`;
    const { done, element } = loadScript(url, { nonce, timeoutMs: 10_000 });
    await done;
    element.remove();
  }
  const m = get();
  if (!m) throw new Error(`locales/${lang}.js ran but did not define ZoomCobrowseWidgetLocales.${lang}`);
  return m;
}
