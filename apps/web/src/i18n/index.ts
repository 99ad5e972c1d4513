import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';

export type Language = 'vi' | 'en';
export const LANGUAGES: Language[] = ['vi', 'en'];
const STORAGE_KEY = 'tn-language';

/** Translations of one area of the app, in both languages, with the same keys. */
export interface Translations<T extends Record<string, unknown> = Record<string, unknown>> {
  vi: T;
  en: T;
}

export function storedLanguage(): Language | null {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return value === 'vi' || value === 'en' ? value : null;
}

void i18n.use(initReactI18next).init({
  lng: storedLanguage() ?? 'vi',
  fallbackLng: 'vi',
  defaultNS: 'common',
  ns: ['common'],
  resources: { vi: { common: common.vi }, en: { common: common.en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Each area registers its own translations when its code loads (areas load lazily, per
 * route), so translations travel with the screens that use them.
 */
export function registerTranslations(namespace: string, translations: Translations): void {
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, namespace)) {
      i18n.addResourceBundle(language, namespace, translations[language], true, true);
    }
  }
}

/** Switches the language and remembers the choice in this browser (not a secret). */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export { i18n };
