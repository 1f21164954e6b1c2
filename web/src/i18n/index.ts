// i18next set-up: zh-CN is the default; the chosen language persists in localStorage.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.ts';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'fazhi.lang';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyDocument(lang: Language) {
  document.documentElement.lang = lang;
  // Date pickers take month and weekday names from dayjs, not from the antd locale.
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

// Chinese is bundled; English is fetched the first time it is chosen, so the first page carries one dictionary.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
applyDocument('zh-CN');

async function switchTo(lang: Language) {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
  applyDocument(lang);
  await i18n.changeLanguage(lang);
}
if (storedLanguage() === 'en') void switchTo('en');

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice then lasts for this page only.
  }
  void switchTo(lang);
}

export default i18n;
