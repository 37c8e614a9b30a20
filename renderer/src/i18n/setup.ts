import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { type Language, rememberLanguage, storedLanguage } from './languages';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

export async function setupI18n(): Promise<typeof i18next> {
  const lng = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    defaultNS: 'translation',
    // React escapes every string it renders; escaping here too would show "&lt;" to the agent.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const label = () => {
    document.documentElement.lang = i18next.language;
    document.title = i18next.t('app.title');
  };
  label();
  i18next.on('languageChanged', label);
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18next.changeLanguage(language);
}
