/** The only schemes handed to the operating system: web pages, e-mail, and the phone. */
export const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'mailto:', 'tel:'];

/**
 * Whether a URL may be passed to shell.openExternal. Anything else (file:, smb:, javascript:,
 * custom app schemes, http:) could run or fetch something on the agent's machine.
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!EXTERNAL_SCHEMES.includes(parsed.protocol)) return false;
  // https: needs a host; credentials in a link are a phishing trick, not something we open.
  if (parsed.protocol === 'https:' && (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '')) return false;
  return true;
}

/** Opens an allowed URL in the system's handler; refuses (and returns false) for anything else. */
export function openExternalIfAllowed(url: string, openExternal: (url: string) => Promise<void>): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  openExternal(url).catch(() => {
    // Nothing registered for the scheme (e.g. no mail client): the console simply stays as it is.
  });
  return true;
}
