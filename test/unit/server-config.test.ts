import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';

describe('server settings', () => {
  it('defaults to loopback, port 5178 and .data', () => {
    const config = readConfig([], {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 5178, empty: false });
    expect(config.dataDir.endsWith('.data')).toBe(true);
  });
  it('takes flags over the environment', () => {
    const config = readConfig(['--port', '6000', '--data-dir=/tmp/x', '--empty', '--agent', '30001', '--test-clock'], {
      KEPT_PORT: '7000',
      KEPT_AGENT: '20001',
    });
    expect(config).toMatchObject({ port: 6000, dataDir: '/tmp/x', empty: true, agent: '30001' });
    expect(readConfig([], { KEPT_PORT: '7000', KEPT_EMPTY: '1' })).toMatchObject({ port: 7000, empty: true });
  });
  it('refuses --agent (or KEPT_AGENT) without --test-clock: outside tests, people sign in', () => {
    expect(() => readConfig(['--agent', '30001'], {})).toThrow(/--agent .*needs --test-clock/);
    expect(() => readConfig([], { KEPT_AGENT: '30001' })).toThrow(/needs --test-clock/);
    expect(readConfig(['--agent', '30001'], { KEPT_TEST_CLOCK: '1' })).toMatchObject({ agent: '30001', testClock: true });
    expect(readConfig([], {}).agent).toBeUndefined();
  });
  it.each([[['--port', 'eighty']], [['--port', '70000']], [['--agent', 'root', '--test-clock']], [['--sign-in-per-minute', '0']]])(
    'refuses %j with a clear message',
    (argv) => {
      expect(() => readConfig(argv, {})).toThrow(/Bad server settings/);
    },
  );
});
