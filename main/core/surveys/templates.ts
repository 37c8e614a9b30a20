import { SMS_MAX_SEGMENTS, smsSegments } from '../../../shared';

/** What a customer reads when their case is resolved (the peak-end rule: the ending is remembered). */
export type ClosingLocale = 'zh-CN' | 'en';

export interface ClosingFacts {
  customerName: string;
  caseNumber: string;
  /** What was done: the case as it was titled. */
  title: string;
  /** The wording of each promise kept on the case, oldest first. */
  kept: readonly string[];
  employeeNo: string;
}

const summary: Record<ClosingLocale, (f: ClosingFacts, title: string, kept: string) => string> = {
  'zh-CN': (f, title, kept) =>
    `【守约】${f.customerName}您好，工单${f.caseNumber}${title ? `（${title}）` : ''}已办结。${kept}服务工号：${f.employeeNo}。感谢您的耐心。`,
  en: (f, title, kept) =>
    `[Kept] Dear ${f.customerName}, case ${f.caseNumber}${title ? ` (${title})` : ''} is resolved. ${kept}Agent ID: ${f.employeeNo}. Thank you for your patience.`,
};

const keptList: Record<ClosingLocale, (items: readonly string[], more: number) => string> = {
  'zh-CN': (items, more) =>
    items.length === 0 && more === 0
      ? ''
      : `已兑现的承诺：${items.map((w) => `“${w}”`).join('、')}${more > 0 ? `等${items.length + more}项` : ''}。`,
  en: (items, more) =>
    items.length === 0 && more === 0
      ? ''
      : `Promises kept: ${items.map((w) => `"${w}"`).join(', ')}${more > 0 ? ` and ${more} more` : ''}. `,
};

const survey: Record<ClosingLocale, (f: ClosingFacts, token: string) => string> = {
  'zh-CN': (f, token) =>
    `【守约】${f.customerName}您好，请为工单${f.caseNumber}的服务打分：回复1-5（5为非常满意），可附一句意见。评价码：${token}。`,
  en: (f, token) =>
    `[Kept] Dear ${f.customerName}, how did we do on case ${f.caseNumber}? Reply 1-5 (5 = very satisfied), with a comment if you like. Survey code: ${token}.`,
};

const fits = (text: string) => smsSegments(text) <= SMS_MAX_SEGMENTS;

/**
 * The closing summary: the case, what was done and the promises kept, within the SMS limit. When it
 * would not fit, it names fewer promises ("and N more"), then drops the title, then the list.
 */
export function renderClosingSummary(locale: ClosingLocale, f: ClosingFacts): string {
  for (let n = f.kept.length; n >= 0; n--) {
    const text = summary[locale](f, f.title, keptList[locale](f.kept.slice(0, n), f.kept.length - n));
    if (fits(text)) return text;
  }
  for (let n = f.kept.length; n >= 0; n--) {
    const text = summary[locale](f, '', keptList[locale](f.kept.slice(0, n), f.kept.length - n));
    if (fits(text)) return text;
  }
  return summary[locale](f, '', '');
}

export function renderSurvey(locale: ClosingLocale, f: ClosingFacts, token: string): string {
  return survey[locale](f, token);
}
