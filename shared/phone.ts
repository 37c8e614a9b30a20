import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Region assumed when a caller types a number without a country code. */
export const DEFAULT_PHONE_REGION = 'CN';

/** Full-width digits, plus and punctuation typed through a Chinese IME, folded to ASCII. */
function foldFullWidth(raw: string): string {
  return raw.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Every way an agent might type a number, normalised to E.164, or null when it is not a valid
 * phone number. "0086" is the international prefix dialled from China, so it is rewritten to "+86".
 */
export function normalisePhone(raw: string): string | null {
  let text = foldFullWidth(raw).trim().replace(/^tel:/i, '');
  if (text.length === 0 || text.length > 40) return null;
  if (/[^0-9+\-().\s/]/.test(text)) return null;
  text = text.replace(/^\s*00(?=\s*\d)/, '+');
  const parsed = parsePhoneNumberFromString(text, DEFAULT_PHONE_REGION);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** How a number is read out: "+86 138 0013 8000". */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}
