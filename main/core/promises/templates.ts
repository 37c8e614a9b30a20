/** Customer-facing confirmations, zh-CN and en. Every one names the case, the exact promise, the deadline and the agent. */
export type Template = 'commitment_created' | 'commitment_kept' | 'commitment_cancelled' | 'commitment_rescheduled';
export type Locale = 'zh-CN' | 'en';

export interface TemplateFacts {
  customerName: string;
  caseNumber: string;
  wording: string;
  dueAt: string;
  employeeNo: string;
  reason?: string;
}

// Customers read deadlines in Beijing time, whatever the desk's clock says.
function deadline(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: locale === 'en' ? 'short' : 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

const TEMPLATES: Record<Locale, Record<Template, (f: TemplateFacts, due: string) => string>> = {
  'zh-CN': {
    commitment_created: (f, due) =>
      `【守约】${f.customerName}您好，关于工单${f.caseNumber}，我们承诺：${f.wording}。完成期限：${due}（北京时间）。服务工号：${f.employeeNo}。如未按时兑现，请回复本短信或致电客服并提供工单号。`,
    commitment_kept: (f, due) =>
      `【守约】${f.customerName}您好，工单${f.caseNumber}的承诺“${f.wording}”已兑现（期限${due}）。服务工号：${f.employeeNo}。感谢您的耐心。`,
    commitment_cancelled: (f, due) =>
      `【守约】${f.customerName}您好，工单${f.caseNumber}的承诺“${f.wording}”（原期限${due}）已取消，原因：${f.reason ?? ''}。服务工号：${f.employeeNo}。如有异议请回复本短信。`,
    commitment_rescheduled: (f, due) =>
      `【守约】${f.customerName}您好，工单${f.caseNumber}的承诺“${f.wording}”经与您确认，完成期限改为${due}（北京时间），原因：${f.reason ?? ''}。服务工号：${f.employeeNo}。如有异议请回复本短信。`,
  },
  en: {
    commitment_created: (f, due) =>
      `[Kept] Dear ${f.customerName}, about case ${f.caseNumber} we promise: ${f.wording}. Deadline: ${due} (Beijing time). Agent ID: ${f.employeeNo}. If we miss it, reply to this message quoting the case number.`,
    commitment_kept: (f, due) =>
      `[Kept] Dear ${f.customerName}, our promise on case ${f.caseNumber} ("${f.wording}", due ${due}) has been kept. Agent ID: ${f.employeeNo}. Thank you for your patience.`,
    commitment_cancelled: (f, due) =>
      `[Kept] Dear ${f.customerName}, our promise on case ${f.caseNumber} ("${f.wording}", due ${due}) was cancelled. Reason: ${f.reason ?? ''}. Agent ID: ${f.employeeNo}. Reply if you disagree.`,
    commitment_rescheduled: (f, due) =>
      `[Kept] Dear ${f.customerName}, as agreed with you, our promise on case ${f.caseNumber} ("${f.wording}") is now due ${due} (Beijing time). Reason: ${f.reason ?? ''}. Agent ID: ${f.employeeNo}. Reply if you disagree.`,
  },
};

export function renderMessage(template: Template, locale: Locale, facts: TemplateFacts): string {
  return TEMPLATES[locale][template](facts, deadline(facts.dueAt, locale));
}
