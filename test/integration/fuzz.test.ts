import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_AGENTS, DEMO_PASSWORD, STORY_PHONE, STORY_PHONE_TYPED } from '../../main/core';
import { createIpcRouter, type IpcInvokeHandler } from '../../main/ipc';
import { type Agent, EnvelopeShape, ErrorCode, type ProcedureName, procedureNames, procedures, Role } from '../../shared';
import { buildServer } from '../../server/app';
import { HTTP_STATUS } from '../../server/http-status';
import { NO_SUCH_ID } from '../fixtures/demo-ids';
import { tableCounter, type TableCounts } from '../fixtures/table-counts';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

/**
 * Every procedure, over the desktop's IPC router and over HTTP (Fastify's inject: real routing and
 * parsing, no socket), with random and malformed inputs against a real core on SQLite with the demo
 * data. Each answer must be a typed envelope (`ok: true`, or `ok: false` with a known code other than
 * `internal`; over HTTP with that code's status), and a refused call must leave the row count of every
 * table as it was. Inputs come from three sources: inputs built from each procedure's contract (ids of
 * real rows, enum values, dates near now), the same with one field broken or one key added or
 * dropped, and anything at all (wrong types, huge strings, lone surrogates, deep nesting, "NaN").
 *
 * `KEPT_FUZZ_LONG=1` runs ten times as many cases.
 */

const LONG = process.env.KEPT_FUZZ_LONG === '1';
/** Cases per transport and source; 2 transports × 2 sources × 2,600 = 10,400 in the normal run. */
const RUNS = LONG ? 26_000 : 2_600;
const TIMEOUT = LONG ? 1_800_000 : 120_000;

const ROLES = Role.options;
const personOf = Object.fromEntries(ROLES.map((role) => [role, Object.values(DEMO_AGENTS).find((a) => a.role === role)!])) as Record<
  Role,
  Agent
>;
/** The callers' own ids stay out of the inputs: a random `accounts.setDisabled` must not sign the fuzzer out. */
const CALLER_IDS = new Set<string>(Object.values(personOf).map((p) => p.id));

let t: TempCore;
let app: FastifyInstance;
let counts: () => TableCounts;
let ids: string[] = [];
const cookies = {} as Record<Role, string>;
const ipc = {} as Record<Role, IpcInvokeHandler<unknown>>;
const outcomes = { ipc: new Map<string, number>(), http: new Map<string, number>() };

beforeAll(async () => {
  t = await openTempCore({ accounts: true });
  counts = tableCounter(t.sqlite.raw);
  app = await buildServer({ core: t.core, signInRateLimit: { max: 1000, timeWindowMs: 60_000 }, allowedHosts: ['localhost:80'] });
  for (const role of ROLES) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { employeeNo: personOf[role].employeeNo, password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'kept_session');
    if (res.statusCode !== 200 || !cookie) throw new Error(`could not sign in as ${role}`);
    cookies[role] = `kept_session=${cookie.value}`;
    ipc[role] = createIpcRouter<unknown>({ core: t.core, resolveActor: () => personOf[role], isTrustedSender: () => true });
  }
  // A few ids of every table's rows, so built inputs name real cases, contacts, commitments, escalations …
  const raw = t.sqlite.raw;
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    const columns = raw.pragma(`table_info("${name}")`) as { name: string }[];
    if (!columns.some((c) => c.name === 'id')) continue;
    for (const row of raw.prepare(`SELECT id FROM "${name}" LIMIT 6`).all() as { id: unknown }[])
      if (typeof row.id === 'string' && /^[0-9a-f-]{36}$/i.test(row.id) && !CALLER_IDS.has(row.id)) ids.push(row.id);
  }
  ids = [...new Set([...ids, NO_SUCH_ID])];
  expect(ids.length).toBeGreaterThan(20);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await t?.dispose();
  for (const [transport, seen] of Object.entries(outcomes))
    console.log(`fuzz ${transport}: ${[...seen.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`);
});

// ---------------------------------------------------------------------------------------------
// Inputs

/** The subset of JSON Schema that zod writes for the contract's inputs. */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

const HOUR = 3_600_000;
const isoNear = fc.integer({ min: -400 * 24, max: 400 * 24 }).map((h) => new Date(Date.now() + h * HOUR).toISOString());

function textFor(key: string, s: Schema): fc.Arbitrary<string> {
  if (/phone/i.test(key))
    return fc.oneof(fc.constantFrom(STORY_PHONE, STORY_PHONE_TYPED, '+86 139 0000 0000'), fc.stringMatching(/^1[3-9]\d{9}$/));
  if (s.format === 'uuid') return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() });
  if (s.format === 'date-time') return isoNear;
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
  const min = s.minLength ?? 0;
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 40, 40)), unit: 'grapheme' });
}

/** A value the schema (mostly) accepts. */
function fromSchema(s: Schema, key = ''): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromSchema(a, key)));
  if (s.allOf?.[0]) return fromSchema(s.allOf[0], key);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => fromSchema({ ...s, type }, key)));
  switch (s.type) {
    case 'object': {
      const props = s.properties ?? {};
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, k)])), {
        requiredKeys: (s.required ?? []).filter((k) => k in props),
      });
      if (typeof s.additionalProperties !== 'object') return record;
      return fc
        .tuple(record, fc.dictionary(fc.string({ maxLength: 12 }), fromSchema(s.additionalProperties), { maxKeys: 3 }))
        .map(([a, b]) => ({ ...b, ...a }));
    }
    case 'array': {
      const min = s.minItems ?? 0;
      return fc.array(fromSchema(s.items ?? {}, key), { minLength: min, maxLength: Math.max(min, Math.min(s.maxItems ?? 4, 4)) });
    }
    case 'string':
      return textFor(key, s);
    case 'integer': {
      const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -5);
      return fc.integer({ min, max: Math.max(min, Math.min(s.maximum ?? 500, 1_000_000)) });
    }
    case 'number': {
      const min = s.minimum ?? s.exclusiveMinimum ?? -5;
      return fc.double({ min, max: Math.max(min, Math.min(s.maximum ?? 1000, 1e6)), noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const builtCache = new Map<ProcedureName, fc.Arbitrary<unknown>>();
/** Inputs built from the procedure's contract (after `beforeAll` has collected the ids). */
function built(name: ProcedureName): fc.Arbitrary<unknown> {
  let arbitrary = builtCache.get(name);
  if (!arbitrary) {
    arbitrary = fromSchema(z.toJSONSchema(procedures[name].input, { io: 'input', unrepresentable: 'any' }) as Schema);
    builtCache.set(name, arbitrary);
  }
  return arbitrary;
}

const SURROGATES = fc
  .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 8 }))
  .map(([a, unit, b]) => `${a}${String.fromCharCode(unit)}${b}`);
const HUGE = [201, 2_001, 20_001, 200_001, 1_300_000].map((n) => '页'.repeat(n));
const nested = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
};

/** Values that JSON can carry and that no field should trip over. */
const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 53 + 2,
    -1e308,
    'NaN',
    'Infinity',
    '-Infinity',
    '-0',
    '1e309',
    '',
    ' ',
    '\u0000',
    '\u200b',
    '\u202e',
    '0x10',
    '2026-02-30T25:61:00Z',
    '__proto__',
    "' OR 1=1 --",
    '../../etc/passwd',
    [],
    {},
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__": {"role": "admin"}}') as unknown,
    { constructor: { prototype: { role: 'admin' } } },
  ),
  SURROGATES,
  fc.constantFrom(...HUGE),
  fc.tuple(fc.integer({ min: 10, max: 3_000 }), fc.boolean()).map(([depth, asArray]) => nested(depth, 'x', asArray)),
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** What IPC can carry beyond JSON (structured clone): NaN, Infinity, -0, undefined, BigInt, Date, Map, Set, typed arrays. */
const nastyIpc: fc.Arbitrary<unknown> = fc.oneof(
  nastyJson,
  fc.constantFrom(NaN, Infinity, -Infinity, -0, undefined, 10n, new Date(Number.NaN), new Date(0)),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
  }),
);

const EXTRA_KEYS = ['actor', 'actorId', 'role', 'mutationId', '__proto__', 'constructor', 'id', 'x'];

/** A built input with one thing broken: a field dropped, a field replaced, a key added, or the whole input replaced. */
function mutated(valid: fc.Arbitrary<unknown>, nasty: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid,
      fc.constantFrom('drop', 'replace', 'add', 'whole'),
      fc.nat(),
      nasty,
      fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string()),
    )
    .map(([input, how, pick, value, extra]) => {
      if (how === 'whole' || input === null || typeof input !== 'object') return value;
      const copy = { ...(input as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length > 0 ? keys[pick % keys.length]! : extra;
      if (how === 'drop') delete copy[key];
      else if (how === 'replace') copy[key] = value;
      else Object.defineProperty(copy, extra, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    });
}

const FIXED_MUTATION_IDS = ['6f1c2a9e-0000-4000-8000-000000000001', '6f1c2a9e-0000-4000-8000-000000000002'];
const mutationIdArb: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom(...FIXED_MUTATION_IDS) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('', 'NaN', '0', 'x'.repeat(65))) },
);

interface Case {
  name: ProcedureName;
  role: Role;
  input: unknown;
  mutationId: string | undefined;
}

function cases(source: 'built' | 'garbage', nasty: fc.Arbitrary<unknown>): fc.Arbitrary<Case> {
  return fc.constantFrom(...procedureNames).chain((name) =>
    fc.record({
      name: fc.constant(name),
      // mostly a role the procedure allows, so the input gets past the role check and is parsed
      role: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(procedures[name].roles as readonly Role[])) },
        { weight: 1, arbitrary: fc.constantFrom(...ROLES) },
      ),
      input:
        source === 'built' ? fc.oneof({ weight: 1, arbitrary: built(name) }, { weight: 3, arbitrary: mutated(built(name), nasty) }) : nasty,
      mutationId: procedures[name].kind === 'mutation' ? mutationIdArb : fc.constant(undefined),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Checks

/** A short, printable picture of an input (huge strings and deep nesting cut). */
function show(value: unknown): string {
  const seen = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.length > 80 ? `${v.slice(0, 40)}…(${v.length} units)` : v;
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (v === undefined) return '(undefined)';
    if (v === null || typeof v !== 'object') return v;
    if (depth > 6) return '…(deeper)';
    if (Array.isArray(v)) return v.slice(0, 10).map((x) => seen(x, depth + 1));
    if (v instanceof Map || v instanceof Set || v instanceof Date || ArrayBuffer.isView(v)) return `(${v.constructor.name})`;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, seen(x, depth + 1)]));
  };
  return JSON.stringify(seen(value, 0));
}

const KNOWN_CODES = new Set<string>(ErrorCode.options);

function check(transport: 'ipc' | 'http', c: Case, before: TableCounts, answer: unknown, status?: number): void {
  const where = `${transport} ${c.role} → ${c.name} with ${show(c.input)}${c.mutationId !== undefined ? ` (mutationId ${show(c.mutationId)})` : ''}`;
  const envelope = EnvelopeShape.safeParse(answer);
  if (!envelope.success) throw new Error(`not an envelope: ${show(answer)} — ${where}`);
  const outcome = envelope.data.ok ? 'ok' : envelope.data.error.code;
  outcomes[transport].set(outcome, (outcomes[transport].get(outcome) ?? 0) + 1);
  const wrote = () => {
    const after = counts();
    return Object.keys(after)
      .filter((table) => after[table] !== before[table])
      .map((x) => `${x} ${before[x]}→${after[x]}`);
  };
  if (envelope.data.ok) {
    if (status !== undefined && status !== 200) throw new Error(`ok with status ${status} — ${where}`);
    // accepted mutations and drafts (kind local) may write; a query never does
    if (procedures[c.name].kind === 'query') {
      const changed = wrote();
      if (changed.length > 0) throw new Error(`a query wrote to ${changed.join(', ')} — ${where}`);
    }
    return;
  }
  const { code, message } = envelope.data.error;
  if (!KNOWN_CODES.has(code) || code === 'internal') throw new Error(`${code}: ${message} — ${where}`);
  if (status !== undefined && status !== HTTP_STATUS[code]) throw new Error(`${code} with status ${status} — ${where}`);
  const changed = wrote();
  if (changed.length > 0) throw new Error(`refused (${code}: ${message}) yet wrote to ${changed.join(', ')} — ${where}`);
}

async function overIpc(c: Case): Promise<void> {
  const before = counts();
  const answer = await ipc[c.role](null, {
    procedure: c.name,
    input: c.input,
    ...(c.mutationId !== undefined ? { mutationId: c.mutationId } : {}),
  });
  check('ipc', c, before, answer);
}

async function overHttp(c: Case): Promise<void> {
  const before = counts();
  const res = await app.inject({
    method: 'POST',
    url: `/api/rpc/${c.name}`,
    headers: { cookie: cookies[c.role], 'content-type': 'application/json' },
    payload: JSON.stringify({ input: c.input, ...(c.mutationId !== undefined ? { mutationId: c.mutationId } : {}) }),
  });
  let body: unknown;
  try {
    body = res.json();
  } catch {
    throw new Error(`not JSON (status ${res.statusCode}): ${res.body.slice(0, 200)}`);
  }
  if (res.statusCode === 401) throw new Error(`the ${c.role} session ended — ${show(c.input)}`);
  check('http', c, before, body, res.statusCode);
}

const params = (numRuns: number) => ({
  numRuns,
  endOnFailure: true,
  ...(process.env.KEPT_FUZZ_SEED ? { seed: Number(process.env.KEPT_FUZZ_SEED) } : {}),
});

describe('fuzzing every procedure over IPC', () => {
  it(
    `built and broken inputs (${RUNS} cases)`,
    async () => {
      await fc.assert(fc.asyncProperty(cases('built', nastyIpc), overIpc), params(RUNS));
    },
    TIMEOUT,
  );
  it(
    `anything at all (${RUNS} cases)`,
    async () => {
      await fc.assert(fc.asyncProperty(cases('garbage', nastyIpc), overIpc), params(RUNS));
    },
    TIMEOUT,
  );
});

describe('fuzzing every procedure over HTTP', () => {
  it(
    `built and broken inputs (${RUNS} cases)`,
    async () => {
      await fc.assert(fc.asyncProperty(cases('built', nastyJson), overHttp), params(RUNS));
    },
    TIMEOUT,
  );
  it(
    `anything at all (${RUNS} cases)`,
    async () => {
      await fc.assert(fc.asyncProperty(cases('garbage', nastyJson), overHttp), params(RUNS));
    },
    TIMEOUT,
  );

  it(
    'answers malformed bodies with typed 4xx and writes nothing',
    async () => {
      const body = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc.constantFrom(
          '{',
          '{"input":',
          '{"input":{}}}',
          '{"input":NaN}',
          '{"input":{},"input":[]}',
          '[]',
          'null',
          '"x"',
          '{"__proto__":{"x":1}}',
        ),
        fc.record({ input: fc.jsonValue(), extra: fc.jsonValue() }).map((v) => JSON.stringify(v)),
      );
      const runs = LONG ? 5_000 : 500;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...procedureNames), fc.constantFrom(...ROLES), body, async (name, role, payload) => {
          const before = counts();
          const res = await app.inject({
            method: 'POST',
            url: `/api/rpc/${name}`,
            headers: { cookie: cookies[role], 'content-type': 'application/json' },
            payload,
          });
          const c: Case = { name, role, input: `(raw body) ${payload}`, mutationId: undefined };
          let answer: unknown;
          try {
            answer = res.json();
          } catch {
            throw new Error(`not JSON (status ${res.statusCode}) — ${show(c.input)}`);
          }
          check('http', c, before, answer, res.statusCode);
        }),
        params(runs),
      );
    },
    TIMEOUT,
  );
});

describe('the fuzzers reach past parsing', () => {
  it('saw accepted calls and refusals other than invalid_input on both transports', () => {
    for (const transport of ['ipc', 'http'] as const) {
      const seen = outcomes[transport];
      expect(seen.get('ok') ?? 0, transport).toBeGreaterThan(100);
      expect(seen.get('invalid_input') ?? 0, transport).toBeGreaterThan(100);
      expect((seen.get('not_found') ?? 0) + (seen.get('conflict') ?? 0), transport).toBeGreaterThan(10);
      expect(seen.get('internal') ?? 0, transport).toBe(0);
    }
  });
});
