import { chineseName, mobileNumber, pick, seededRandom } from '../../../main/core/demo/names';
import { IdKind, uuidV7At } from './ids';
import { AGENT_COUNT, CASES_PER_CUSTOMER, type DatasetSizes } from './sizes';
import { type CaseFacts, generateSupervision, REVIEW_EVERY, type ReviewedContact } from './supervision';
import { CATEGORIES, caseTitle, noteBody, pickCategory } from './text';
import type { RowWriter } from './writer';

/**
 * The synthetic call-centre history, written row by row in the order it would have happened.
 *
 * Customers exist first; then a year of contacts is swept in time order, each for a customer
 * picked at random (a small set of frequent callers gets a fifth of the calls, as in real queues).
 * A contact links to the customer's current case, or opens a new one; most notes are written on a
 * contact, the rest are follow-ups on some customer's case without a call. Writing in time order
 * keeps the physical layout honest: one customer's rows are scattered through the tables, as on a
 * database that grew over a year, not packed together as a per-customer loop would leave them.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const YEAR = 365 * DAY;
/** Fixed so the same sizes always give the same database. */
export const HISTORY_END = Date.UTC(2026, 10, 1);
const HISTORY_START = HISTORY_END - YEAR;

const FREQUENT_EVERY = 20; // 1 customer in 20 is a frequent caller...
const FREQUENT_SHARE = 0.2; // ...and they make 20% of the contacts (about 5x the others each)
const STANDALONE_NOTE_SHARE = 0.15;
const SECOND_PHONE_SHARE = 0.08;
const SEED = 20261126;

const TIERS = ['standard', 'standard', 'standard', 'standard', 'standard', 'standard', 'silver', 'silver', 'gold', 'platinum'] as const;
const CHANNELS = ['phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'chat', 'sms', 'email', 'walk_in'] as const;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** An affine bijection on 0..99,999,999: unique 8-digit case numbers that do not look sequential. */
function caseNumber(serial: number): string {
  const digits = ((serial * 73_939_133 + 41_017_529) % 100_000_000).toString().padStart(8, '0');
  return `C-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

function caseStatus(random: () => number, ageMs: number): string {
  const roll = random();
  if (ageMs > 30 * DAY) return roll < 0.85 ? 'closed' : roll < 0.97 ? 'resolved' : 'pending_internal';
  return roll < 0.4 ? 'open' : roll < 0.6 ? 'pending_customer' : roll < 0.8 ? 'pending_internal' : 'resolved';
}

function casePriority(random: () => number): string {
  const roll = random();
  return roll < 0.1 ? 'low' : roll < 0.8 ? 'normal' : roll < 0.95 ? 'high' : 'urgent';
}

export function generate(sizes: DatasetSizes, out: RowWriter, progress: (what: string, done: number, total: number) => void): void {
  const random = seededRandom(SEED);

  // Agents: the floor (employee numbers 10001…), a few supervisors and admins.
  const agentIds: string[] = [];
  for (let i = 0; i < AGENT_COUNT; i++) {
    const id = uuidV7At(HISTORY_START - 5 * YEAR + i * MINUTE, IdKind.agent, i);
    const role = i < AGENT_COUNT * 0.9 ? 'agent' : i < AGENT_COUNT * 0.975 ? 'supervisor' : 'admin';
    out.agent(id, String(10_001 + i * 37), chineseName(random), role, iso(HISTORY_START - 5 * YEAR));
    agentIds.push(id);
  }
  const floorAgents = Math.floor(AGENT_COUNT * 0.9);

  // Customers joined over the three years before the swept year, in id order.
  const customerIds: string[] = new Array<string>(sizes.customers);
  const joinSpan = 3 * YEAR;
  const usedPhones = new Set<string>();
  const freshPhone = () => {
    let phone = mobileNumber(random);
    while (usedPhones.has(phone)) phone = mobileNumber(random);
    usedPhones.add(phone);
    return phone;
  };
  for (let i = 0; i < sizes.customers; i++) {
    const joined = HISTORY_START - joinSpan + Math.floor((i * joinSpan) / sizes.customers);
    const id = uuidV7At(joined, IdKind.customer, i);
    customerIds[i] = id;
    out.customer(id, chineseName(random), pick(random, TIERS), iso(joined));
    out.phone(freshPhone(), id, null, iso(joined));
    if (random() < SECOND_PHONE_SHARE) out.phone(freshPhone(), id, '备用', iso(joined + Math.floor(random() * 200) * DAY));
    if (i % 100_000 === 99_999) progress('customers', i + 1, sizes.customers);
  }
  usedPhones.clear();

  // The swept year.
  const latestCase = new Int32Array(sizes.customers).fill(-1);
  const caseIds: string[] = [];
  const caseCategory: number[] = [];
  const caseFacts: CaseFacts[] = [];
  const reviewed: ReviewedContact[] = [];
  const openCase = (customer: number, at: number) => {
    const serial = caseIds.length;
    const id = uuidV7At(at, IdKind.case, serial);
    const category = pickCategory(random);
    const updated = Math.min(HISTORY_END, at + Math.floor(random() * 20 * DAY));
    const levelRoll = random();
    const title = caseTitle(random, CATEGORIES[category]!);
    const status = caseStatus(random, HISTORY_END - at);
    const priority = casePriority(random);
    const level = levelRoll < 0.9 ? 1 : levelRoll < 0.98 ? 2 : 3;
    const openedBy = agentIds[Math.floor(random() * floorAgents)]!;
    // A resolved or closed case was resolved when it was last updated, by the agent who opened it.
    const done = status === 'resolved' || status === 'closed';
    out.case({
      id,
      number: caseNumber(serial),
      customerId: customerIds[customer]!,
      title,
      category: CATEGORIES[category]!,
      status,
      priority,
      level,
      openedBy,
      openedAt: iso(at),
      updatedAt: iso(updated),
      version: 1 + Math.floor(random() * 4),
      resolvedAt: done ? iso(updated) : null,
      resolvedBy: done ? openedBy : null,
    });
    caseFacts.push({ id, customerId: customerIds[customer]!, openedBy, openedAt: at, resolvedAt: done ? updated : null, level });
    caseIds.push(id);
    caseCategory.push(category);
    latestCase[customer] = serial;
    return serial;
  };

  const frequentCount = Math.ceil(sizes.customers / FREQUENT_EVERY);
  const pickCustomer = () =>
    random() < FREQUENT_SHARE
      ? Math.min(sizes.customers - 1, Math.floor(random() * frequentCount) * FREQUENT_EVERY)
      : Math.floor(random() * sizes.customers);
  // The first contact of a customer always opens a case; later ones do at this rate, which
  // lands near CASES_PER_CUSTOMER cases per customer.
  const newCaseRate = Math.min(
    1,
    Math.max(0, ((CASES_PER_CUSTOMER - 1) * sizes.customers) / Math.max(1, sizes.contacts - sizes.customers)),
  );

  // Notes are dealt out by quota, not by chance, so the totals are exact.
  const standaloneTotal = Math.round(sizes.notes * STANDALONE_NOTE_SHARE);
  const attachedTotal = sizes.notes - standaloneTotal;
  let attachedDone = 0;
  let standaloneDone = 0;
  let noteSerial = 0;
  const step = YEAR / Math.max(1, sizes.contacts);
  // Each customer's last inbound contact, to mark repeats (inbound within 7 days of another) as contacts.log does.
  const lastInbound = new Float64Array(sizes.customers).fill(Number.NEGATIVE_INFINITY);

  for (let j = 0; j < sizes.contacts; j++) {
    const at = HISTORY_START + Math.floor((j + random()) * step);
    const customer = pickCustomer();
    const customerId = customerIds[customer]!;
    const caseSerial = latestCase[customer]! < 0 || random() < newCaseRate ? openCase(customer, at + MINUTE) : latestCase[customer]!;
    const agentId = agentIds[Math.floor(random() * floorAgents)]!;
    const contactId = uuidV7At(at, IdKind.contact, j);
    const channel = pick(random, CHANNELS);
    const inbound = random() < 0.85;
    const repeat = inbound && at - lastInbound[customer]! <= 7 * DAY ? 1 : 0;
    if (inbound) lastInbound[customer] = at;
    out.contact(contactId, customerId, agentId, channel, inbound ? 'inbound' : 'outbound', iso(at), repeat);
    out.link(contactId, caseIds[caseSerial]!);
    if (j % REVIEW_EVERY === 0) reviewed.push({ id: contactId, agentId, at });

    // As contacts.log does: the call's note carries the call's time and its first case.
    const attachedDue = Math.floor(((j + 1) * attachedTotal) / sizes.contacts);
    for (let k = 0; attachedDone < attachedDue; k++, attachedDone++) {
      const noteAt = at + k * 5 * MINUTE;
      const category = CATEGORIES[caseCategory[caseSerial]!]!;
      out.note(
        uuidV7At(noteAt, IdKind.note, noteSerial++),
        customerId,
        caseIds[caseSerial]!,
        contactId,
        agentId,
        noteBody(random, category),
        iso(noteAt),
      );
    }

    // Follow-ups written outside a call, on the current case of some customer.
    const standaloneDue = Math.floor(((j + 1) * standaloneTotal) / sizes.contacts);
    for (; standaloneDone < standaloneDue; standaloneDone++) {
      let other = Math.floor(random() * sizes.customers);
      if (latestCase[other]! < 0) other = customer;
      const otherCase = latestCase[other]!;
      out.note(
        uuidV7At(at, IdKind.note, noteSerial++),
        customerIds[other]!,
        caseIds[otherCase]!,
        null,
        agentIds[Math.floor(random() * AGENT_COUNT)]!,
        noteBody(random, CATEGORIES[caseCategory[otherCase]!]!),
        iso(at),
      );
    }
    if (j % 500_000 === 499_999) progress('contacts', j + 1, sizes.contacts);
  }

  generateSupervision(caseFacts, reviewed, { agentIds, floorAgents, historyStart: HISTORY_START, historyEnd: HISTORY_END }, out);
}
