import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, openExternalIfAllowed } from '../../../main/app/external-links';

describe('isAllowedExternalUrl', () => {
  it.each(['https://example.com/help', 'https://例子.测试/路径', 'mailto:support@example.com', 'tel:+8613800138000', 'tel:10086'])(
    'allows %s',
    (url) => expect(isAllowedExternalUrl(url)).toBe(true),
  );

  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'smb://attacker/share/payload.exe',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'app://kept/index.html',
    'vbscript:msgbox',
    'HTTPS:/',
    'https://user:pass@example.com/',
    'https://',
    '//example.com',
    'example.com',
    '',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('refuses an absurdly long URL', () => {
    expect(isAllowedExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('is case-insensitive on the scheme, as URLs are', () => {
    expect(isAllowedExternalUrl('HTTPS://example.com/')).toBe(true);
    expect(isAllowedExternalUrl('MAILTO:a@example.com')).toBe(true);
  });
});

describe('openExternalIfAllowed', () => {
  it('passes only allowed URLs to the system and survives a handler that fails', async () => {
    const opened: string[] = [];
    const open = async (url: string) => {
      opened.push(url);
      throw new Error('no handler for scheme');
    };
    expect(openExternalIfAllowed('tel:10086', open)).toBe(true);
    expect(openExternalIfAllowed('file:///etc/passwd', open)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(opened).toEqual(['tel:10086']);
  });
});
