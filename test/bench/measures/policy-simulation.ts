import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AGENTS, openSqliteCore } from '../../../main/core';
import { seededRandom } from '../../../main/core/demo/names';
import { newId, type SimulationResult } from '../../../shared';
import { factsFor } from '../../fixtures/policy-facts';
import { goodwillDraft } from '../../fixtures/policy-drafts';
import type { StandaloneMeasure } from '../measure';

/** The scale: 30 days of a contact centre's recorded decisions. */
const DECISIONS = 50_000;
const DAYS = 30;
/** A simulation is an administrator's page, seconds long: a few runs make the sample. */
const MAX_RUNS = 5;

/**
 * `policy.simulate` through core, as an administrator calls it: a draft that changes the goodwill
 * formula re-evaluated against 50,000 synthetic decisions spread over the last 30 days (varied facts,
 * on the demo cases), in a real SQLite file. One sample is one whole simulation.
 */
export const policySimulation: StandaloneMeasure = {
  name: 'policy-simulation',
  title: `policy.simulate: a goodwill change against ${DECISIONS.toLocaleString('en')} decisions of ${DAYS} days`,
  target: { stat: 'p95', maxMs: 10_000, scope: `per simulation of ${DECISIONS.toLocaleString('en')} decisions` },
  standalone: true,
  async run(settings) {
    const dir = mkdtempSync(join(tmpdir(), 'kept-bench-sim-'));
    const opened = await openSqliteCore({ file: join(dir, 'kept.db'), clientId: 'bench', outbox: false, demoAccounts: false });
    try {
      const raw = opened.sqlite.raw;
      const cases = raw.prepare<[], { id: string; customer_id: string }>('select id, customer_id from cases').all();
      const random = seededRandom(settings.seed);
      const now = Date.now();
      const insert = raw.prepare(
        `insert into decisions (id, case_id, customer_id, actor_id, bundle_version, facts, answer, rule_ids, action, created_at, supplied)
         values (?, ?, ?, ?, ?, ?, '{}', '{}', ?, ?, '{}')`,
      );
      const version = opened.core.deps.policy.version;
      raw.transaction(() => {
        for (let i = 0; i < DECISIONS; i++) {
          const on = cases[Math.floor(random() * cases.length)]!;
          const at = new Date(now - Math.floor(random() * (DAYS - 0.01) * 86_400_000)).toISOString();
          const action = `commitment.${(['goodwill', 'extension', 'callback', 'refund'] as const)[Math.floor(random() * 4)]}`;
          insert.run(newId(), on.id, on.customer_id, DEMO_AGENTS.desk.id, version, JSON.stringify(factsFor(random)), action, at);
        }
      })();
      const files = goodwillDraft(4);
      const simulate = async (): Promise<SimulationResult> => {
        const envelope = await opened.core.call({ procedure: 'policy.simulate', input: { files } }, { actor: DEMO_AGENTS.admin });
        if (!envelope.ok) throw new Error(`policy.simulate failed: ${envelope.error.code}: ${envelope.error.message}`);
        return envelope.value as SimulationResult;
      };
      if (settings.warmup > 0) await simulate();
      const samplesMs: number[] = [];
      let last: SimulationResult | undefined;
      const runs = Math.max(1, Math.min(settings.iterations, MAX_RUNS));
      // CPU time of the whole process (the engine's threads included): what a quiet machine would take, roughly.
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        last = await simulate();
        samplesMs.push(performance.now() - start);
      }
      const cpu = process.cpuUsage(cpuBefore);
      return {
        samplesMs,
        details: {
          evaluated: last!.evaluated,
          changed: last!.changed,
          decisionsPerSecond: Math.round(last!.evaluated / (samplesMs.at(-1)! / 1000)),
          cpuMsPerSimulation: Math.round((cpu.user + cpu.system) / 1000 / runs),
        },
      };
    } finally {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
