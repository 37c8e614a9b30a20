import { seededRandom } from '../../../main/core/demo/names';
import { IdKind, uuidV7At } from './ids';
import type { RowWriter } from './writer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Its own generator, so adding these rows leaves every earlier row of the file as it was. */
const SEED = 20261129;

const COMMITMENT_SHARE = 0.6;
const SURVEY_ANSWER_SHARE = 0.4;
/** 1 contact in this many is QA-reviewed. */
export const REVIEW_EVERY = 100;
/** Scores 1–5 as customers give them: mostly content, a tail of unhappy ones. */
const SCORE_WEIGHTS = [0.05, 0.08, 0.12, 0.25, 0.5];
const GRACE_HOURS = 2;

export interface CaseFacts {
  id: string;
  customerId: string;
  openedBy: string;
  openedAt: number;
  /** When it was resolved, or null while open. */
  resolvedAt: number | null;
  level: number;
}

export interface ReviewedContact {
  id: string;
  agentId: string;
  at: number;
}

interface World {
  agentIds: readonly string[];
  floorAgents: number;
  historyStart: number;
  historyEnd: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function score(random: () => number): number {
  let roll = random();
  for (let s = 0; s < SCORE_WEIGHTS.length; s++) {
    roll -= SCORE_WEIGHTS[s]!;
    if (roll < 0) return s + 1;
  }
  return 5;
}

/**
 * What the supervisors' dashboard reads, for the swept year: commitments (kept, broken, cancelled or
 * open) with the escalation a broken one raised, the closing survey of each resolved case (40%
 * answered; a score of 2 or less raised a `low_csat` escalation), and QA reviews of 1 contact in 100.
 * Escalations of the last 30 days are still open; older ones were closed.
 */
export function generateSupervision(cases: readonly CaseFacts[], contacts: readonly ReviewedContact[], world: World, out: RowWriter): void {
  const random = seededRandom(SEED);
  const admin = world.agentIds[world.agentIds.length - 1]!;
  const supervisors = world.agentIds.slice(world.floorAgents, world.agentIds.length - 5);
  const openSince = world.historyEnd - 30 * DAY;
  let commitment = 0;
  let escalation = 0;
  let message = 0;
  let survey = 0;

  const escalate = (c: CaseFacts, at: number, reason: string, commitmentId: string | null, raisedBy: string) =>
    out.row(
      'escalations',
      uuidV7At(at, IdKind.escalation, escalation++),
      c.id,
      c.customerId,
      Math.max(2, c.level),
      reason,
      reason === 'low_csat' ? '客户评分偏低' : '承诺逾期未兑现',
      at >= openSince && (c.resolvedAt === null || reason === 'low_csat') ? 'open' : 'resolved',
      commitmentId,
      raisedBy,
      iso(at),
    );

  for (const c of cases) {
    if (random() < COMMITMENT_SHARE) {
      const created = c.openedAt + Math.floor((0.5 + random() * 23.5) * HOUR);
      const due = created + 48 * HOUR;
      const roll = random();
      let status: string;
      let resolved: number | null;
      if (c.resolvedAt !== null) {
        [status, resolved] =
          roll < 0.85
            ? ['kept', created + Math.floor((1 + random() * 46) * HOUR)]
            : roll < 0.95
              ? ['broken', due + GRACE_HOURS * HOUR]
              : ['cancelled', created + Math.floor(random() * 24 * HOUR)];
      } else if (due + GRACE_HOURS * HOUR < world.historyEnd && roll < 0.7) [status, resolved] = ['broken', due + GRACE_HOURS * HOUR];
      else [status, resolved] = ['open', null];
      if (resolved !== null && resolved > world.historyEnd) [status, resolved] = ['open', null];
      const id = uuidV7At(created, IdKind.commitment, commitment++);
      out.row(
        'commitments',
        id,
        c.id,
        c.customerId,
        'callback',
        '48小时内回电告知处理结果',
        c.openedBy,
        iso(due),
        GRACE_HOURS,
        status,
        c.openedBy,
        iso(created),
        resolved === null ? null : iso(resolved),
        status === 'open' ? null : status === 'broken' ? 'overdue' : '已办理',
        1,
      );
      if (status === 'broken') escalate(c, resolved!, 'broken_commitment', id, admin);
    }

    if (c.resolvedAt !== null) {
      const messageId = uuidV7At(c.resolvedAt, IdKind.message, message++);
      out.row(
        'messages',
        messageId,
        c.id,
        c.customerId,
        'case_survey',
        'zh-CN',
        '+8613800000000',
        '请为本次服务打分：回复1-5',
        'sent',
        1,
        iso(c.resolvedAt),
        iso(c.resolvedAt),
      );
      const answeredAt = c.resolvedAt + Math.floor((0.1 + random() * 47.9) * HOUR);
      const answered = random() < SURVEY_ANSWER_SHARE && answeredAt < world.historyEnd;
      const s = answered ? score(random) : null;
      out.row(
        'surveys',
        uuidV7At(c.resolvedAt, IdKind.survey, survey),
        c.id,
        c.customerId,
        `T${survey.toString(36).toUpperCase().padStart(9, '0')}`,
        messageId,
        c.openedBy,
        iso(c.resolvedAt),
        s,
        answered ? iso(answeredAt) : null,
        answered ? 'webhook' : null,
      );
      survey++;
      if (s !== null && s <= 2) escalate(c, answeredAt, 'low_csat', null, admin);
    }
  }

  contacts.forEach((contact, i) => {
    const at = Math.min(world.historyEnd - HOUR, contact.at + Math.floor((1 + random() * 71) * HOUR));
    const scores = [score(random), score(random), score(random), score(random)];
    const items = ['courtesy', 'accuracy', 'ownership', 'promise_discipline'].map((item, k) => ({
      item,
      score: scores[k],
      comment: '抽检',
    }));
    out.row(
      'reviews',
      uuidV7At(at, IdKind.review, i),
      contact.id,
      contact.agentId,
      supervisors[i % supervisors.length]!,
      JSON.stringify(items),
      scores.reduce((a, b) => a + b, 0) / 4,
      '抽检记录',
      iso(at),
    );
  });
}
