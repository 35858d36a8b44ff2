import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi.js';
import 'dayjs/locale/fr.js';
import 'dayjs/locale/en.js';
import vi from './vi.ts';
import en from './en.ts';
import fr from './fr.ts';

/** Interface languages, Vietnamese first. Each is named in its own language in the switch. */
export const LANGUAGES = [
  { code: 'vi', label: 'Tiếng Việt' },
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
] as const;
export type Lang = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'motcua.lang';
const isLang = (v: unknown): v is Lang => LANGUAGES.some((l) => l.code === v);

function storedLanguage(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLang(v)) return v;
  } catch {
    // storage blocked (private mode): fall back to Vietnamese
  }
  return 'vi';
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

function applyToDocument(lang: Lang) {
  document.documentElement.lang = lang;
  dayjs.locale(lang);
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en }, fr: { translation: fr } },
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
applyToDocument(initial);

/** The language in use now (always one of LANGUAGES). */
export function currentLanguage(): Lang {
  return isLang(i18n.language) ? i18n.language : 'vi';
}

/** Switches the interface language and remembers it on this device. */
export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted, still switched
  }
  applyToDocument(lang);
  await i18n.changeLanguage(lang);
}

export default i18n;
