import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import type { ApplyEnv } from '../mutations/types';
import { gatherFacts } from './policy-facts';
import { type OfferKind, type Sla, TOP_LEVEL } from '../../../shared';

const HOUR = 3_600_000;

/**
 * When an escalation reaching `level` at `at` is in breach: the sla table's hours for that level on
 * this case (its category, priority, tier and whether it is a complaint). Read inside the write.
 */
export async function levelDueAt(trx: Kysely<DB>, env: ApplyEnv, caseId: string, level: number, at: string): Promise<string> {
  // The sla table does not read the caller's role; any role gives the same hours.
  const { facts } = await gatherFacts(trx, env.now, caseId, 'agent');
  const { result: sla } = await env.policy.evaluate<Sla>('sla', facts);
  const hours = [sla.level1Hours, sla.level2Hours, sla.level3Hours][Math.min(Math.max(level, 1), TOP_LEVEL) - 1]!;
  return new Date(Date.parse(at) + hours * HOUR).toISOString();
}

export interface NewEscalation {
  id: string;
  caseId: string;
  customerId: string;
  level: number;
  reason: string;
  detail: string;
  /** For a detail the UI words itself (see `Escalation.detailParams`). */
  detailParams?: Record<string, string | number>;
  offer?: OfferKind | null;
  amount?: number | null;
  commitmentId?: string | null;
  decisionId?: string | null;
  raisedBy: string;
  at: string;
}

/** Every escalation is written here: open, nobody's yet, due when its level's time limit runs out. */
export async function insertEscalation(trx: Kysely<DB>, env: ApplyEnv, e: NewEscalation): Promise<void> {
  await trx
    .insertInto('escalations')
    .values({
      id: e.id,
      case_id: e.caseId,
      customer_id: e.customerId,
      level: e.level,
      reason: e.reason,
      detail: e.detail,
      detail_params: e.detailParams ? JSON.stringify(e.detailParams) : null,
      offer: e.offer ?? null,
      amount: e.amount ?? null,
      status: 'open',
      commitment_id: e.commitmentId ?? null,
      decision_id: e.decisionId ?? null,
      raised_by: e.raisedBy,
      owner_id: null,
      decided_by: null,
      created_at: e.at,
      decided_at: null,
      decision_note: null,
      due_at: await levelDueAt(trx, env, e.caseId, e.level, e.at),
      updated_at: e.at,
      decision: null,
    })
    .execute();
}

/** The case's level follows its highest escalation up (never down: a step back leaves the case's history). */
export async function raiseCaseLevel(trx: Kysely<DB>, caseId: string, level: number): Promise<void> {
  await trx.updateTable('cases').set({ level }).where('id', '=', caseId).where('level', '<', level).execute();
}
