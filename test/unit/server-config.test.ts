import { describe, expect, it } from 'vitest';
import { describePostgres } from '../../main/db';
import { checkBinding, readConfig } from '../../server/config';
import { defaultAllowedHosts, isAllowedHost, isAllowedOrigin, isLoopbackAddress, isLoopbackHost } from '../../server/host-guard';

describe('server settings', () => {
  it('defaults to loopback, port 5178 and .data', () => {
    const config = readConfig([], {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 5178, empty: false, allowedHosts: [], signIn: true });
    expect(config.dataDir.endsWith('.data')).toBe(true);
  });
  it('takes flags over the environment', () => {
    const config = readConfig(['--port', '6000', '--data-dir=/tmp/x', '--empty', '--agent', '30001', '--test-clock'], {
      KEPT_PORT: '7000',
      KEPT_AGENT: '20001',
    });
    expect(config).toMatchObject({ port: 6000, dataDir: '/tmp/x', empty: true, agent: '30001', signIn: false });
    expect(readConfig([], { KEPT_PORT: '7000', KEPT_EMPTY: '1' })).toMatchObject({ port: 7000, empty: true });
  });
  it('selects PostgreSQL with DATABASE_URL or --database-url (the flag wins, a query string survives), SQLite without', () => {
    expect(readConfig([], {}).databaseUrl).toBeUndefined();
    expect(readConfig([], { DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(readConfig([], { DATABASE_URL: 'postgres://kept:pw@db:5432/kept' }).databaseUrl).toBe('postgres://kept:pw@db:5432/kept');
    expect(
      readConfig(['--database-url=postgresql://kept@db/kept?sslmode=require&application_name=kept'], { DATABASE_URL: 'postgres://other/x' })
        .databaseUrl,
    ).toBe('postgresql://kept@db/kept?sslmode=require&application_name=kept');
    expect(() => readConfig(['--database-url', 'sqlite:///tmp/kept.db'], {})).toThrow(/databaseUrl: a postgres:\/\/ connection string/);
  });
  it('names the PostgreSQL store without its password', () => {
    expect(describePostgres('postgres://kept:s3cret@db.internal:5432/kept?sslmode=require')).toBe(
      'PostgreSQL postgres://kept@db.internal:5432/kept',
    );
    expect(describePostgres('postgres://db/kept')).toBe('PostgreSQL postgres://db/kept');
    expect(describePostgres('not a url s3cret')).not.toContain('s3cret');
  });
  it('reads the survey webhook secret from --survey-secret or KEPT_SURVEY_SECRET, and refuses a short one', () => {
    expect(readConfig([], {}).surveySecret).toBeUndefined();
    expect(readConfig(['--survey-secret', 'a'.repeat(32)], { KEPT_SURVEY_SECRET: 'b'.repeat(32) }).surveySecret).toBe('a'.repeat(32));
    expect(readConfig([], { KEPT_SURVEY_SECRET: 'b'.repeat(32) }).surveySecret).toBe('b'.repeat(32));
    expect(() => readConfig(['--survey-secret', 'short'], {})).toThrow(/surveySecret: at least 16 characters/);
  });
  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--agent', 'root']],
    [['--allowed-hosts', 'http://kept.example.cn']],
    [['--allowed-hosts', 'a b']],
  ])('refuses %j with a clear message', (argv) => {
    expect(() => readConfig(argv, {})).toThrow(/Bad server settings/);
  });
});

describe('where the server may listen', () => {
  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])('allows loopback %s without sign-in', (host) => {
    expect(() => checkBinding({ host, signIn: false })).not.toThrow();
  });
  it.each(['0.0.0.0', '::', '192.168.1.20', 'kept.example.cn', '::ffff:0.0.0.0'])('refuses %s without sign-in, in one line', (host) => {
    expect(() => checkBinding({ host, signIn: false })).toThrow(/^Refusing to listen on .*without sign-in[^\n]*$/);
  });
  it('refuses --agent (or KEPT_AGENT) without --test-clock: outside tests, people sign in', () => {
    expect(() => readConfig(['--agent', '30001'], {})).toThrow(/--agent .*needs --test-clock/);
    expect(() => readConfig([], { KEPT_AGENT: '30001' })).toThrow(/needs --test-clock/);
    expect(readConfig(['--agent', '30001'], { KEPT_TEST_CLOCK: '1' })).toMatchObject({ agent: '30001', testClock: true });
    expect(readConfig([], {}).agent).toBeUndefined();
  });
  it('requires sign-in except in test mode (--agent)', () => {
    expect(readConfig([], {}).signIn).toBe(true);
    expect(readConfig(['--test-clock'], {}).signIn).toBe(true);
    expect(readConfig(['--agent', '30001', '--test-clock'], {}).signIn).toBe(false);
  });
  it('reads the allowed host names from --allowed-hosts or KEPT_ALLOWED_HOSTS', () => {
    expect(readConfig(['--allowed-hosts', 'Kept.Example.cn, desk7:8080,[::1]:5178'], {}).allowedHosts).toEqual([
      'kept.example.cn',
      'desk7:8080',
      '[::1]:5178',
    ]);
    expect(readConfig([], { KEPT_ALLOWED_HOSTS: 'kept.example.cn' }).allowedHosts).toEqual(['kept.example.cn']);
  });
  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--agent', 'root', '--test-clock']],
    [['--sign-in-per-minute', '0']],
    [['--allowed-hosts', 'http://kept.example.cn']],
    [['--allowed-hosts', 'a b']],
  ])('refuses %j with a clear message', (argv) => {
    expect(() => readConfig(argv, {})).toThrow(/Bad server settings/);
  });
});

describe('where the server may listen', () => {
  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])('allows loopback %s without sign-in', (host) => {
    expect(() => checkBinding({ host, signIn: false })).not.toThrow();
  });
  it.each(['0.0.0.0', '::', '192.168.1.20', 'kept.example.cn', '::ffff:0.0.0.0'])('refuses %s without sign-in, in one line', (host) => {
    expect(() => checkBinding({ host, signIn: false })).toThrow(/^Refusing to listen on .*without sign-in[^\n]*$/);
  });
  it('allows any address once sign-in is on', () => {
    expect(() => checkBinding({ host: '0.0.0.0', signIn: true })).not.toThrow();
  });
  it('allows any address as the server starts by default (sign-in required), refuses it in test mode (--agent)', () => {
    expect(() => checkBinding(readConfig(['--host', '0.0.0.0'], {}))).not.toThrow();
    expect(() => checkBinding(readConfig(['--host', '0.0.0.0', '--agent', '20001', '--test-clock'], {}))).toThrow(
      /^Refusing to listen on 0\.0\.0\.0 without sign-in/,
    );
    expect(() => checkBinding(readConfig(['--agent', '20001', '--test-clock'], {}))).not.toThrow();
  });
});

describe('host names and origins', () => {
  const loopback = defaultAllowedHosts(5178);
  it('matches Host headers exactly, a configured name without port also on the server port', () => {
    expect(isAllowedHost('127.0.0.1:5178', loopback, 5178)).toBe(true);
    expect(isAllowedHost('LocalHost:5178', loopback, 5178)).toBe(true);
    expect(isAllowedHost('127.0.0.1', loopback, 5178)).toBe(false);
    expect(isAllowedHost(undefined, loopback, 5178)).toBe(false);
    expect(isAllowedHost('kept.example.cn', ['kept.example.cn'], 5178)).toBe(true);
    expect(isAllowedHost('kept.example.cn:5178', ['kept.example.cn'], 5178)).toBe(true);
    expect(isAllowedHost('kept.example.cn:9', ['kept.example.cn'], 5178)).toBe(false);
  });
  it('accepts only a bare http(s) origin of an allowed host', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5178', loopback, 5178)).toBe(true);
    expect(isAllowedOrigin('https://localhost:5178', loopback, 5178)).toBe(true);
    for (const bad of ['null', 'http://127.0.0.1:5178/', 'ws://127.0.0.1:5178', 'http://a@127.0.0.1:5178', 'http://evil.example', ''])
      expect(isAllowedOrigin(bad, loopback, 5178), bad).toBe(false);
  });
  it('tells loopback peers and hosts from others', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.1', '::ffff:10.0.0.1', 'fe80::1', '0.0.0.0', '', undefined])
      expect(isLoopbackAddress(a), String(a)).toBe(false);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('::')).toBe(false);
  });
});
