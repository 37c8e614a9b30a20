import { describe, expect, it } from 'vitest';
import { DeskServerUrl } from '../../shared';

const issue = (text: string) => {
  const parsed = DeskServerUrl.safeParse(text);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe('the desk’s team server URL', () => {
  it('keeps the origin of an https URL, or of an http one on this machine', () => {
    expect(DeskServerUrl.parse(' https://Kept.Example.cn/ ')).toBe('https://kept.example.cn');
    expect(DeskServerUrl.parse('https://kept.example.cn:443')).toBe('https://kept.example.cn');
    expect(DeskServerUrl.parse('https://kept.example.cn:8443')).toBe('https://kept.example.cn:8443');
    expect(DeskServerUrl.parse('http://127.0.0.1:5178')).toBe('http://127.0.0.1:5178');
    expect(DeskServerUrl.parse('http://localhost:5178/')).toBe('http://localhost:5178');
    expect(DeskServerUrl.parse('http://[::1]:5178')).toBe('http://[::1]:5178');
  });

  it('refuses plain http beyond loopback, other schemes, credentials and anything that is not a bare server address', () => {
    expect(issue('http://kept.example.cn')).toBe('https_required');
    expect(issue('http://10.0.0.5:5178')).toBe('https_required');
    expect(issue('http://127.0.0.1.evil.example')).toBe('https_required');
    expect(issue('ftp://kept.example.cn')).toBe('url_scheme');
    expect(issue('javascript://kept.example.cn')).toBe('url_scheme');
    expect(issue('file:///etc/passwd')).toBe('url_invalid');
    expect(issue('https://user:pw@kept.example.cn')).toBe('url_credentials');
    for (const bad of [
      'kept.example.cn',
      'https://',
      'https://kept.example.cn/api',
      'https://kept.example.cn?x=1',
      'https://kept.example.cn:99999',
      'https://-x.cn',
      'https://a b.cn',
    ])
      expect(issue(bad), bad).toBe('url_invalid');
    expect(issue('')).toBe('required');
    expect(issue(`https://${'a'.repeat(500)}.cn`)).toBe('too_long');
  });
});
