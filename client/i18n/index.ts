import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { it } from './it';

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string | null | undefined): value is Language {
  return value === 'it' || value === 'en';
}

/** i18next with Italian first; numbers are always formatted the Italian way in Italian. */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'it',
    resources: { it: { translation: it }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/**
 * Number formatting for the current language (Italian: 2.770.226 and 9.000, as ISTAT writes them;
 * English: 2,770,226).
 */
export function numberFormat(language: string, digits = 0): Intl.NumberFormat {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: digits, useGrouping: 'always' });
}
