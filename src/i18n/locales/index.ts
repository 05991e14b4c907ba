import type { LocaleMessages } from '../translator';

// Every language file of this folder but English (built in) as its own lazy chunk, loaded only for
// visitors who need it. Which languages are offered is LOCALES in ../translator.ts; its test loads
// every one of them through here, so a language listed there without a file here fails it.
const LOADERS = import.meta.glob<LocaleMessages>(['./*.ts', '!./en.ts', '!./errors.ts', '!./index.ts'], { import: 'default' });

/** Loads a built-in locale with dynamic import() (npm build); the nonce is not needed there. */
export const importLocale = (lang: string): Promise<LocaleMessages> => {
  const load = LOADERS[`./${lang}.ts`];
  return load ? load() : Promise.reject(new Error(`no file src/i18n/locales/${lang}.ts for the language "${lang}"`));
};
