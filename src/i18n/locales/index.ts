import type { LocaleMessages } from '../translator';

type Module = Promise<{ default: LocaleMessages }>;

// One static import() per language so every bundler splits each into its own chunk,
// loaded only for visitors who need it. English is built in and never listed here.
const LOADERS: Record<string, () => Module> = {
  es: () => import('./es'),
  fr: () => import('./fr'),
  de: () => import('./de'),
  pt: () => import('./pt'),
  it: () => import('./it'),
  nl: () => import('./nl'),
  ja: () => import('./ja'),
  zh: () => import('./zh'),
  ar: () => import('./ar'),
  he: () => import('./he'),
};

/** Loads a built-in locale with dynamic import() (npm build); the nonce is not needed there. */
export const importLocale = (lang: string): Promise<LocaleMessages> => LOADERS[lang]!().then((m) => m.default);
