// Theme playground: the JSON in the textarea is the widget's whole `theme`; every edit is validated
// and applied live with widget.setTheme(), or, where a build lacks setTheme, by re-creating the widget.
import demo from 'virtual:zoom-cobrowse-demo';
import { CobrowseConfigError, createCobrowseWidget, resolveConfig, type CobrowseConfig, type CobrowseWidget } from '../src/index';
import { connectEmulatorCustomer } from '../src/testing/index';
import { widgetMasking } from './masking';

type Theme = NonNullable<CobrowseConfig['theme']>;

const PRESETS: Record<string, Theme> = {
  trailhead: { mode: 'light', primary: '#166534', radius: 10, position: 'bottom-right' },
  zoom: { mode: 'light', primary: '#0b5cff', radius: 14, position: 'bottom-right' },
  midnight: { mode: 'dark', primary: '#8ab4ff', onPrimary: '#0b1220', surface: '#111827', text: '#f3f4f6', radius: 18, position: 'bottom-right' },
  candy: { mode: 'light', primary: '#ffd1dc', onPrimary: '#ffffff', radius: 24, position: 'bottom-right' },
};
const INITIAL: Theme = PRESETS.trailhead!;

const base: CobrowseConfig = {
  sdkKey: demo.sdkKey,
  token: demo.tokenUrl,
  // Absolute: the widget's warm-up hint cannot resolve a relative sdk.url (reported to the lead).
  ...(demo.sdkUrl ? { sdk: { url: new URL(demo.sdkUrl, location.href).href } } : {}),
  masking: { presets: ['payment', 'credentials'] },
  remoteAssist: true,
};

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const textarea = $<HTMLTextAreaElement>('theme-json');
const error = $<HTMLElement>('theme-error');
const applied = $<HTMLElement>('theme-applied');
const quick = {
  primary: $<HTMLInputElement>('q-primary'),
  mode: $<HTMLSelectElement>('q-mode'),
  position: $<HTMLSelectElement>('q-position'),
  radius: $<HTMLInputElement>('q-radius'),
  font: $<HTMLSelectElement>('q-font'),
  preset: $<HTMLSelectElement>('q-preset'),
};

let widget: CobrowseWidget | undefined;
let current: Theme = INITIAL;

function create(theme: Theme): void {
  widget = createCobrowseWidget({ ...base, theme });
  window.widget = widget;
}

/** Validates and applies; on failure the widget keeps its last good theme and the message is shown. */
function apply(theme: Theme): boolean {
  try {
    if (!widget) {
      create(theme);
    } else if (typeof (widget as Partial<CobrowseWidget> & { setTheme?: unknown }).setTheme === 'function') {
      (widget as CobrowseWidget & { setTheme(t: Theme): void }).setTheme(theme);
      applied.textContent = 'Applied with widget.setTheme().';
    } else {
      // Older builds have no setTheme: validate first (so a bad theme never tears down a working widget), then re-create.
      resolveConfig({ ...base, theme });
      const wasOpen = widget.getState().state !== 'idle';
      widget.destroy();
      create(theme);
      if (wasOpen) widget?.open();
      applied.textContent = 'Applied by re-creating the widget (this build has no setTheme()).';
    }
    current = theme;
    error.textContent = '';
    textarea.removeAttribute('aria-invalid');
    return true;
  } catch (err) {
    error.textContent = err instanceof CobrowseConfigError || err instanceof Error ? err.message : String(err);
    textarea.setAttribute('aria-invalid', 'true');
    applied.textContent = '';
    return false;
  }
}

function syncQuick(theme: Theme): void {
  if (typeof theme.primary === 'string' && /^#[\da-f]{6}$/i.test(theme.primary)) quick.primary.value = theme.primary;
  quick.mode.value = theme.mode ?? 'auto';
  quick.position.value = theme.position ?? 'bottom-right';
  quick.radius.value = String(typeof theme.radius === 'number' ? theme.radius : 14);
  quick.font.value = theme.fontFamily ?? '';
}

function show(theme: Theme): void {
  textarea.value = JSON.stringify(theme, null, 2);
  syncQuick(theme);
}

let timer: ReturnType<typeof setTimeout> | undefined;
textarea.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(textarea.value);
    } catch (err) {
      error.textContent = `Not valid JSON: ${(err as Error).message}`;
      textarea.setAttribute('aria-invalid', 'true');
      return;
    }
    if (apply(parsed as Theme)) syncQuick(parsed as Theme);
  }, 250);
});

/** A quick control edits one field of the current JSON (or of the last good theme if the JSON is broken). */
const patch = (changes: Partial<Theme>): void => {
  let theme: Theme;
  try {
    theme = JSON.parse(textarea.value) as Theme;
  } catch {
    theme = current;
  }
  const next = { ...theme, ...changes } as Record<string, unknown>;
  for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') delete next[k];
  show(next as Theme);
  apply(next as Theme);
};
quick.primary.addEventListener('input', () => patch({ primary: quick.primary.value }));
quick.mode.addEventListener('change', () => patch({ mode: quick.mode.value as Theme['mode'] }));
quick.position.addEventListener('change', () => patch({ position: quick.position.value as Theme['position'] }));
quick.radius.addEventListener('input', () => patch({ radius: Number(quick.radius.value) }));
quick.font.addEventListener('change', () => patch({ fontFamily: quick.font.value || undefined }));
quick.preset.addEventListener('change', () => {
  const preset = PRESETS[quick.preset.value];
  if (!preset) return;
  show(preset);
  apply(preset);
});
$('open').addEventListener('click', () => widget?.open());
$('start').addEventListener('click', () => void widget?.start().catch(() => {}));
$('reset').addEventListener('click', () => {
  show(INITIAL);
  apply(INITIAL);
});

show(INITIAL);
if (!apply(INITIAL)) {
  // A build that knows fewer theme tokens than this page: keep the playground usable with the brand colour alone.
  const minimal: Theme = { primary: INITIAL.primary! };
  if (apply(minimal)) show(minimal);
}

if (demo.mode === 'emulator') {
  connectEmulatorCustomer(() => window.ZoomCobrowseFake, { masking: () => widgetMasking(widget?.controller.config), exclude: '[data-demo-chrome]' });
}
