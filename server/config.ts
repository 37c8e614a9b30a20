import { resolve } from 'node:path';
import { z } from 'zod';
import { isLoopbackHost } from './host-guard';

/** `host`, `host:port` or `[v6]:port`: the names a browser may call the server by. */
const HostName = z
  .string()
  .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i, 'a host name, optionally with :port')
  .transform((h) => h.toLowerCase());

const Config = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(5178),
  dataDir: z.string().min(1).default('.data'),
  /** The team server's PostgreSQL; without it, embedded SQLite in `dataDir`. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// connection string')
    .optional(),
  empty: z.boolean().default(false),
  /**
   * Test mode only, and only with --test-clock: a request without a session cookie acts as this
   * employee number (e2e specs act as 20001). Otherwise every browser signs in.
   */
  agent: z
    .string()
    .regex(/^\d{1,20}$/, 'an employee number')
    .optional(),
  /** An administrator's policy bundle directory (default: the bundle shipped with Kept). */
  policyDir: z.string().min(1).optional(),
  /** Where customer messages are POSTed; without it they stay in the outbox, queued and copyable. */
  smsWebhook: z.url({ protocol: /^https?$/ }).optional(),
  /** Lets tests move the server's clock (POST /api/test/clock). Never on in production. */
  testClock: z.boolean().default(false),
  /** Sign-in attempts allowed per client address per minute. */
  signInPerMinute: z.coerce.number().int().min(1).max(10_000).default(30),
  /** The shared secret survey answers from the SMS gateway are signed with (POST /api/webhooks/survey). */
  surveySecret: z.string().min(16, 'at least 16 characters').max(256).optional(),
  /** The Host names the server answers to; empty: 127.0.0.1, localhost and [::1] on its port. */
  allowedHosts: z.array(HostName).default([]),
});
export type ServerConfig = z.infer<typeof Config> & {
  /**
   * Whether callers must sign in: always, except in test mode (`--agent`), where a request without a
   * session acts as that person. Decides where the server may listen (`checkBinding`).
   */
  signIn: boolean;
};

/**
 * Flags win over environment variables: --port / KEPT_PORT, --data-dir / KEPT_DATA_DIR,
 * --database-url / DATABASE_URL (PostgreSQL instead of embedded SQLite),
 * --host / KEPT_HOST, --empty / KEPT_EMPTY=1 (start with no demo data), --agent / KEPT_AGENT
 * (test mode: who acts without signing in; refused without --test-clock), --policy-dir / KEPT_POLICY_DIR,
 * --sms-webhook / KEPT_SMS_WEBHOOK, --test-clock / KEPT_TEST_CLOCK=1, --sign-in-per-minute / KEPT_SIGN_IN_PER_MINUTE,
 * --allowed-hosts / KEPT_ALLOWED_HOSTS (comma-separated),
 * --survey-secret / KEPT_SURVEY_SECRET (signs survey answers from the SMS gateway), --database-url / DATABASE_URL.
 */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    // Everything after the first '=': a connection string may hold more of them (`?sslmode=require`).
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const parsed = Config.safeParse({
    host: flag('host') ?? env.KEPT_HOST,
    port: flag('port') ?? env.KEPT_PORT,
    dataDir: flag('data-dir') ?? env.KEPT_DATA_DIR,
    databaseUrl: flag('database-url') ?? (env.DATABASE_URL || undefined),
    empty: argv.includes('--empty') || env.KEPT_EMPTY === '1',
    agent: flag('agent') ?? env.KEPT_AGENT,
    policyDir: flag('policy-dir') ?? env.KEPT_POLICY_DIR,
    smsWebhook: flag('sms-webhook') ?? env.KEPT_SMS_WEBHOOK,
    testClock: argv.includes('--test-clock') || env.KEPT_TEST_CLOCK === '1',
    signInPerMinute: flag('sign-in-per-minute') ?? env.KEPT_SIGN_IN_PER_MINUTE,
    surveySecret: flag('survey-secret') ?? env.KEPT_SURVEY_SECRET,
    allowedHosts: (flag('allowed-hosts') ?? env.KEPT_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== ''),
  });
  if (!parsed.success)
    throw new Error(`Bad server settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.agent !== undefined && !parsed.data.testClock)
    throw new Error(
      'Bad server settings: --agent (KEPT_AGENT) lets requests act as someone without signing in, so it is for tests only and needs --test-clock. Without it, people sign in.',
    );
  return {
    ...parsed.data,
    signIn: parsed.data.agent === undefined,
    dataDir: resolve(parsed.data.dataDir),
    ...(parsed.data.policyDir ? { policyDir: resolve(parsed.data.policyDir) } : {}),
  };
}

/**
 * With sign-in (the default) the server may listen on any address: every call needs a session. In
 * test mode (`--agent`) a request without a session acts as that person, so the server listens on
 * this machine only; binding any other address without sign-in is refused with one clear line.
 */
export function checkBinding(config: Pick<ServerConfig, 'host' | 'signIn'>): void {
  if (config.signIn || isLoopbackHost(config.host)) return;
  throw new Error(
    `Refusing to listen on ${config.host} without sign-in: in test mode (--agent) anyone who can reach it would act as that agent. Use --host 127.0.0.1 (the default) or leave out --agent.`,
  );
}
