import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../renderer/src/i18n/setup';

/** The desk's own catalogs, in English or Chinese, without React or the browser. */
export async function translator(lng: 'en' | 'zh-CN' = 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng, fallbackLng: 'zh-CN', interpolation: { escapeValue: false }, returnNull: false });
  return instance.t;
}
