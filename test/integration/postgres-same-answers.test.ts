import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, AppError, type ProcedureInput, type ProcedureName, type ProcedureOutput } from '../../shared';
import {
  type ClockTick,
  type CoreDeps,
  DEMO_AGENTS,
  dispatchMessages,
  outboxGateway,
  STORY_CUSTOMER_ID,
  tickCommitments,
} from '../../main/core';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';
import { openTempCore, type TempCore } from '../fixtures/temp-core';

/**
 * One fixed script of procedures, run on a SQLite core and on a PostgreSQL core seeded alike (the
 * demo story and the same synthetic customers, on the same clock): every answer must be the same.
 * Only what each run generates afresh differs — new ids (UUIDv7 from the wall clock) and new case
 * numbers — so those are renamed in order of first appearance before comparing.
 */

const VOUCHER_CASE = '01930000-0000-7000-8000-00000000ca01';
const START = Date.parse('2026-11-29T02:30:00.000Z');

type Caller = <P extends ProcedureName>(name: P, input: ProcedureInput<P>, options?: { actor?: Agent }) => Promise<ProcedureOutput<P>>;

interface Clock {
  now: () => Date;
  tick(ms?: number): void;
}

function scriptClock(): Clock {
  let at = START;
  return { now: () => new Date(at), tick: (ms = 60_000) => (at += ms) };
}

/** Everything the script read, step by step. */
async function runScript(call: Caller, clock: Clock, deps: CoreDeps): Promise<Array<[string, unknown]>> {
  const out: Array<[string, unknown]> = [];
  const record = <T>(step: string, value: T): T => {
    out.push([step, value]);
    return value;
  };

  record('lookup', await call('customers.lookup', { phone: '＋８６ １３８－００１３－８０００' }));
  record('pop', await call('customers.pop', { phone: '138 0013 8000', historyLimit: 5 }));
  record('brief', await call('customers.brief', { customerId: STORY_CUSTOMER_ID }));
  const pages = async (step: string) => {
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const got: ProcedureOutput<'customers.history'> = await call('customers.history', {
        customerId: STORY_CUSTOMER_ID,
        limit: 3,
        cursor,
      });
      record(`${step} page ${page}`, got);
      cursor = got.nextCursor;
      if (!cursor) return;
    }
    throw new Error('history did not end');
  };
  await pages('history');

  const searches = [
    '积', // one character: the 2-gram index, as a prefix
    '积分', // two characters: one exact 2-gram
    '兑换券', // three: trigram on SQLite, pg_trgm on PostgreSQL
    '预存话费',
    '营业厅',
    '何',
    '志明',
    '何志明',
    '积分 兑换', // two terms, both must match
    '漫游 套餐',
    'C-2611',
    '2611 04',
    '138 0013',
    'vip',
    'app',
    '5',
    '不存在的词语',
  ];
  for (const q of searches) record(`search ${q}`, await call('search.global', { q, limit: 10 }));

  clock.tick();
  const note = record(
    'note',
    await call('notes.add', { caseId: VOUCHER_CASE, body: '客户再次来电：漫游流量包未生效，已报障，工单号 A17。VIP 客户，请优先处理。' }),
  );
  clock.tick();
  const created = record(
    'case',
    await call('cases.create', { customerId: STORY_CUSTOMER_ID, title: '国际漫游流量包未生效', category: 'billing', priority: 'high' }),
  );
  clock.tick();
  record('case renamed', await call('cases.update', { id: created.id, version: created.version, title: '国际漫游流量包扣费未生效' }));
  clock.tick();
  const customer = record('customer', await call('customers.create', { name: '欧阳娜娜', phone: '139 0000 4321', tier: 'gold' }));
  clock.tick();
  record(
    'call',
    await call('contacts.log', {
      customerId: customer.id,
      caseIds: [],
      channel: 'phone',
      direction: 'inbound',
      note: '咨询漫游资费，已解答',
    }),
  );
  clock.tick();
  record('fact', await call('facts.pin', { customerId: STORY_CUSTOMER_ID, caseId: VOUCHER_CASE, noteId: note.id }));
  for (const q of ['漫', '漫游', '漫游流量', '扣费', '欧', '欧阳', '欧阳娜娜', 'a17', 'vip 优先', '4321'])
    record(`search after writes ${q}`, await call('search.global', { q, limit: 10 }));

  // Latin with diacritics, full-width letters and punctuation next to short terms: FTS5's unicode61 tokenizer folds
  // diacritics and drops punctuation; the PostgreSQL gram keys must do the same.
  for (const body of [
    'Café crème à la carte',
    '积.分 测试 a-b',
    'ＶＩＰ客户 Vip',
    'résumé naïve',
    '标点，符号。测试',
    'CAFÉ NOIR ÉCOLE Ⅻ',
  ]) {
    clock.tick();
    record(`edge note ${body}`, await call('notes.add', { caseId: VOUCHER_CASE, body }));
  }
  clock.tick();
  record('latin customer', await call('customers.create', { name: 'José 王', phone: '139 0000 5678' }));
  for (const q of [
    'café',
    'cafe',
    'é',
    'ca',
    'a-',
    '积.',
    '.分',
    'ＶＩＰ',
    'vi',
    'résumé',
    'resume',
    're',
    'na',
    '，符',
    '符号。',
    'a-b',
    'jo',
    'jose',
    'josé',
    '王',
    'café noir',
    'école',
    'ÉCOLE',
    'xii',
    'ⅻ',
  ])
    record(`search edge ${q}`, await call('search.global', { q, limit: 10 }));

  clock.tick();
  record('policy', await call('policy.evaluate', { caseId: VOUCHER_CASE, supplied: {} }));
  record('commitment', await call('commitments.create', { caseId: VOUCHER_CASE, kind: 'callback', wording: '明天上午十点前回电' }));
  clock.tick();
  record(
    'escalation refused',
    await call('escalations.request', { caseId: VOUCHER_CASE, offer: 'goodwill', amount: 200, reason: '多次来电未解决，申请补偿' }).catch(
      (error: unknown) => ({ refused: error instanceof AppError ? [error.code, error.message] : String(error) }),
    ),
  );
  record(
    'escalation',
    await call('escalations.request', { caseId: VOUCHER_CASE, offer: 'goodwill', amount: 40, reason: '多次来电未解决，申请补偿' }),
  );
  record('commitments', await call('commitments.list', { customerId: STORY_CUSTOMER_ID }));
  record('messages', await call('messages.list', { caseId: VOUCHER_CASE }));
  record('decisions', await call('decisions.list', { caseId: VOUCHER_CASE }));
  record('escalations', await call('escalations.list', { status: 'open' }));
  record('incidents', await call('incidents.list', { activeOnly: false }));
  record('case view', await call('cases.get', { id: VOUCHER_CASE }));
  record('brief after writes', await call('customers.brief', { customerId: STORY_CUSTOMER_ID }));
  await pages('history after writes');

  // The rest of the procedures, the commitment clock and the message dispatcher.
  const lead = { actor: DEMO_AGENTS.supervisor };
  clock.tick();
  const renamed = record(
    'customer renamed',
    await call('customers.update', { id: customer.id, version: customer.version, name: '欧阳娜', tier: 'platinum' }),
  );
  record('phone added', await call('customers.addPhone', { customerId: renamed.id, phone: '139 0000 8765', label: '单位' }));
  record('phone removed', await call('customers.removePhone', { customerId: renamed.id, phone: '139 0000 4321' }));
  for (const q of ['欧阳娜', '娜娜', '8765', '4321']) record(`search renamed ${q}`, await call('search.global', { q, limit: 10 }));
  clock.tick();
  const billing = record(
    'billing case',
    await call('cases.create', { customerId: renamed.id, title: '漫游账单有误', category: 'billing' }),
  );
  const calls = await call('customers.history', { customerId: renamed.id, limit: 10 });
  const logged = calls.items.find((i) => i.kind === 'contact');
  if (logged?.kind !== 'contact') throw new Error('the logged call is missing from the history');
  record('link', await call('contacts.link', { contactId: logged.contact.id, caseIds: [billing.id] }));
  const facts = (await call('customers.brief', { customerId: STORY_CUSTOMER_ID })).pinnedFacts;
  record('unpin', await call('facts.unpin', { id: facts[facts.length - 1]!.id }));
  clock.tick();
  const incident = record(
    'incident',
    await call(
      'incidents.create',
      {
        title: '华东区漫游计费故障',
        description: '部分用户漫游流量重复计费',
        categories: ['billing'],
        guidance: '告知客户故障已登记，费用将自动冲正',
        startsAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
        endsAt: null,
      },
      lead,
    ),
  );
  record('policy during incident', await call('policy.evaluate', { caseId: billing.id, supplied: {} }));
  record('brief during incident', await call('customers.brief', { customerId: renamed.id }));
  clock.tick();
  record('incident ended', await call('incidents.update', { id: incident.id, endNow: true }, lead));
  record('draft saved', await call('drafts.save', { caseId: billing.id, body: '正在核实账单' }));
  record('draft', await call('drafts.get', { caseId: billing.id }));
  record('drafts', await call('drafts.forCustomer', { customerId: renamed.id }));
  const open = await call('escalations.list', { status: 'open' });
  clock.tick();
  record('decided', await call('escalations.decide', { id: open[0]!.id, approve: true, note: '同意补偿' }, lead));
  const promised = await call('commitments.create', { caseId: billing.id, kind: 'callback', wording: '两小时内回电说明账单' });
  record(
    'rescheduled',
    await call('commitments.reschedule', {
      id: promised.commitment.id,
      dueAt: new Date(clock.now().getTime() + 2 * 86_400_000).toISOString(),
      reason: '客户要求改期',
    }),
  );
  record('resolved', await call('commitments.resolve', { id: promised.commitment.id, status: 'kept', reason: '已回电' }));
  record(
    'to break',
    await call('commitments.create', {
      caseId: billing.id,
      kind: 'callback',
      wording: '一小时内回电',
      dueAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    }),
  );
  clock.tick(3 * 3_600_000);
  record('clock: due', await tickCommitments(deps));
  clock.tick(5 * 86_400_000);
  record('clock: broken', await tickCommitments(deps));
  record('dispatch', await dispatchMessages(deps, outboxGateway));
  record('commitments at the end', await call('commitments.list', { customerId: renamed.id }));
  record('escalations at the end', await call('escalations.list', {}));
  record('messages at the end', await call('messages.list', { caseId: billing.id }));
  record('decisions at the end', await call('decisions.list', { caseId: billing.id }));
  record('me', await call('session.me', {}));
  record('bundle', await call('policy.bundle', {}));
  record('pop at the end', await call('customers.pop', { customerId: renamed.id }));
  record('audit', await call('audit.verify', {}, lead));
  return out;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const CASE_NUMBER = /C-\d{4}-\d{4}/g;
// Seeded ids are fixed (the demo's, and the synthetic customers' from their serial): those must match exactly.
const SEEDED = /^01930000-0000-7000-800[02]-/;

/** Renames what each run generates (new ids, new case numbers) in order of first appearance; history cursors are decoded first. */
function normalise(steps: Array<[string, unknown]>): unknown {
  const names = new Map<string, string>();
  const rename = (kind: string, value: string) => {
    if (!names.has(value)) names.set(value, `<${kind} ${names.size + 1}>`);
    return names.get(value)!;
  };
  const text = (s: string) =>
    s.replace(UUID, (id) => (SEEDED.test(id) ? id : rename('id', id))).replace(CASE_NUMBER, (n) => rename('case', n));
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string')
      return key === 'nextCursor' ? `cursor(${text(Buffer.from(value, 'base64url').toString())})` : text(value);
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(steps);
}

let cluster: TestPostgres;
let lite: TempCore;
let pg: TempPostgresCore;
let liteAnswers: Array<[string, unknown]>;
let pgAnswers: Array<[string, unknown]>;

beforeAll(async () => {
  cluster = await startPostgres();
  const liteClock = scriptClock();
  const pgClock = scriptClock();
  lite = await openTempCore({ synthetic: 60, now: liteClock.now, outbox: false });
  pg = await openTempPostgresCore(cluster, { synthetic: 60, now: pgClock.now });
  liteAnswers = await runScript(lite.call, liteClock, lite.core.deps);
  pgAnswers = await runScript(pg.call, pgClock, pg.core.deps);
}, 180_000);
afterAll(async () => {
  await lite?.dispose();
  await pg?.dispose();
  await cluster?.stop();
});

describe('the same answers on SQLite and PostgreSQL', () => {
  it('answers every step of the script alike', () => {
    expect(pgAnswers.map(([step]) => step)).toEqual(liteAnswers.map(([step]) => step));
    const a = normalise(liteAnswers) as Array<[string, unknown]>;
    const b = normalise(pgAnswers) as Array<[string, unknown]>;
    for (let i = 0; i < a.length; i++) expect(b[i], a[i]![0]).toEqual(a[i]);
  });

  it('the script reaches every kind of search: 1, 2 and 3+ characters, names, case numbers, phone digits', () => {
    const results = new Map(pgAnswers.filter(([step]) => step.startsWith('search')) as Array<[string, ProcedureOutput<'search.global'>]>);
    const count = (step: string) => {
      const r = results.get(step)!;
      return { customers: r.customers.length, cases: r.cases.length, notes: r.notes.length };
    };
    expect(count('search 积').notes).toBeGreaterThan(0);
    expect(count('search 积分').notes).toBeGreaterThan(0);
    expect(count('search 兑换券').notes).toBeGreaterThan(0);
    expect(count('search 积分').cases).toBeGreaterThan(0);
    expect(count('search 何').customers).toBeGreaterThan(0);
    expect(count('search 志明').customers).toBeGreaterThan(0);
    expect(count('search C-2611').cases).toBeGreaterThan(0);
    expect(count('search 138 0013').customers).toBeGreaterThan(0);
    expect(count('search 不存在的词语')).toEqual({ customers: 0, cases: 0, notes: 0 });
    expect(count('search after writes 漫').notes).toBeGreaterThan(0);
    expect(count('search after writes 扣费').cases).toBe(1);
    expect(count('search after writes 欧').customers).toBe(1);
    expect(count('search after writes a17').notes).toBe(1);
    expect(results.get('search after writes 漫游')!.notes[0]!.snippet.highlights.length).toBeGreaterThan(0);
    // Upper-case non-ASCII text found by a lower-case term of 3+ characters (trigram folding on SQLite, ILIKE on PostgreSQL).
    expect(count('search edge café noir').notes).toBe(1);
    expect(count('search edge école').notes).toBe(1);
    expect(count('search edge re').notes).toBe(1); // résumé, diacritics folded for a short prefix
    expect(pgAnswers.find(([step]) => step === 'audit')![1]).toMatchObject({ ok: true });
    const answer = (step: string) => pgAnswers.find(([s]) => s === step)![1];
    expect(answer('policy during incident')).toMatchObject({ facts: { incidentCaused: true } }); // the jsonb branch of the facts
    expect((answer('clock: due') as ClockTick).alerted.length).toBeGreaterThan(0);
    expect((answer('clock: broken') as ClockTick).broken.length).toBeGreaterThan(0);
  });
});
