import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, STORY_VOUCHER_CASE_ID } from '../../main/core';
import { DEFAULT_BUNDLE, loadPolicy } from '../../main/policy';
import { type PgEventRelay, relayEventsThroughPostgres } from '../../server/pg-events';
import { openTempPostgresCore, startPostgres, type TempPostgresCore, type TestPostgres } from '../fixtures/embedded-postgres';
import { goodwillDraft } from '../fixtures/policy-drafts';

// Two team-server instances on one PostgreSQL database: a bundle published through one is in force on
// the other without a restart (the `policy` change travels over LISTEN/NOTIFY; B reloads from the database).
const admin = DEMO_AGENTS.admin;
const shipped = loadPolicy(DEFAULT_BUNDLE).version;

let cluster: TestPostgres;
const instances: { core: TempPostgresCore; relay: PgEventRelay }[] = [];

async function instance(name: string, connectionString?: string): Promise<TempPostgresCore> {
  const core = await openTempPostgresCore(cluster, { clientId: name, ...(connectionString ? { connectionString } : {}) });
  const relay = relayEventsThroughPostgres({
    bus: core.core.bus,
    connectionString: core.connectionString,
    pool: core.postgres.pool,
    instanceId: name,
  });
  await relay.ready;
  instances.push({ core, relay });
  return core;
}

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);
afterAll(async () => {
  for (const i of instances) {
    await i.relay.close();
    await i.core.dispose();
  }
  await cluster?.stop();
});

describe('publishing across server instances on PostgreSQL', () => {
  it('B puts the bundle A published in force without a restart; its decisions record it, old ones keep theirs', async () => {
    const a = await instance('instance-a');
    const b = await instance('instance-b', a.connectionString);
    expect(b.core.deps.policy.version).toBe(shipped);
    const answerBefore = await b.call('policy.evaluate', { caseId: STORY_VOUCHER_CASE_ID });
    const goodwillBefore = answerBefore.offers.find((o) => o.offer === 'goodwill')!.limit;
    const old = await b.call('commitments.create', {
      caseId: STORY_VOUCHER_CASE_ID,
      kind: 'goodwill',
      wording: '赠送1元话费补偿',
      amount: 1,
    });

    const simulated = await a.call('policy.simulate', { files: goodwillDraft(4) }, { actor: admin });
    expect(simulated.decisions.map((d) => d.decisionId)).toContain(old.decision!.id);

    const published = await a.call('policy.publish', { files: goodwillDraft(4), note: '每次来电补偿4元' }, { actor: admin });
    expect(a.core.deps.policy.version).toBe(published.version);
    await eventually(() => b.core.deps.policy.version === published.version);

    const answerAfter = await b.call('policy.evaluate', { caseId: STORY_VOUCHER_CASE_ID });
    expect(answerAfter.bundleVersion).toBe(published.version);
    expect(answerAfter.offers.find((o) => o.offer === 'goodwill')!.limit).toBeGreaterThan(goodwillBefore);
    const made = await b.call('commitments.create', {
      caseId: STORY_VOUCHER_CASE_ID,
      kind: 'goodwill',
      wording: '赠送1元话费补偿',
      amount: 1,
    });
    const decisions = await b.call('decisions.list', { caseId: STORY_VOUCHER_CASE_ID });
    expect(decisions.find((d) => d.id === old.decision!.id)?.bundleVersion).toBe(shipped);
    expect(decisions.find((d) => d.id === made.decision!.id)?.bundleVersion).toBe(published.version);
    expect(await b.call('policy.versions', {}, { actor: admin })).toEqual([published]);

    // A third instance started later opens with the published bundle, not the shipped one.
    const c = await instance('instance-c', a.connectionString);
    expect(c.core.deps.policy.version).toBe(published.version);
  }, 60_000);
});
