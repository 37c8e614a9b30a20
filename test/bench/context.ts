import { createCore } from '../../main/core';
import { seededRandom } from '../../main/core/demo/names';
import { openSqlite } from '../../main/db';
import type { Agent, Role } from '../../shared';
import type { Dataset } from './dataset';
import type { CacheMode } from './page-cache';
import type { BenchContext, SampledCustomer } from './measure';
import { typedLike } from './typed-phone';

export interface ContextOptions {
  iterations: number;
  warmup: number;
  seed: number;
  desks: number;
  seconds: number;
  callEverySeconds: number;
  cache: CacheMode;
}

/** Opens the dataset exactly as the app does and wires core over it. Close with `closeContext`. */
export function openContext(dataset: Dataset, options: ContextOptions): BenchContext & { closings: Array<() => Promise<void>> } {
  const sqlite = openSqlite(dataset.file);
  const core = createCore({ db: sqlite.db, clientId: 'bench' });

  const agent = sqlite.raw
    .prepare<[], { id: string; employee_no: string; name: string; role: Role }>(
      `select id, employee_no, name, role from agents where role = 'agent' order by employee_no limit 1`,
    )
    .get();
  if (!agent) throw new Error(`${dataset.file} has no agents; rebuild it with --rebuild.`);
  const actor: Agent = { id: agent.id, employeeNo: agent.employee_no, name: agent.name, role: agent.role };

  // Customers were inserted in order, so rowids 1..N address them without scanning.
  const maxRowid = sqlite.raw.prepare<[], { n: number | null }>('select max(rowid) as n from customers').get()?.n ?? 0;
  if (maxRowid === 0) throw new Error(`${dataset.file} has no customers; rebuild it with --rebuild.`);
  const customerAt = sqlite.raw.prepare<[number], { id: string }>('select id from customers where rowid = ?');
  const firstPhone = sqlite.raw.prepare<[string], { e164: string }>(
    'select e164 from customer_phones where customer_id = ? order by created_at limit 1',
  );

  const sampleCustomers = (count: number, seed: number): SampledCustomer[] => {
    const random = seededRandom(seed);
    const picked: SampledCustomer[] = [];
    while (picked.length < count) {
      const customer = customerAt.get(1 + Math.floor(random() * maxRowid));
      const phone = customer && firstPhone.get(customer.id);
      if (!customer || !phone) continue; // a gap in rowids, or a customer without a phone: draw again
      picked.push({ customerId: customer.id, e164: phone.e164, typed: typedLike(phone.e164, picked.length) });
    }
    return picked;
  };

  const closings: Array<() => Promise<void>> = [];
  return { dataset, sqlite, core, actor, ...options, sampleCustomers, closings, atEnd: (close) => void closings.push(close) };
}

/** Closes what measures opened (last first), then the database. */
export async function closeContext(ctx: ReturnType<typeof openContext>): Promise<void> {
  try {
    for (const close of ctx.closings.reverse()) await close();
  } finally {
    await ctx.sqlite.close();
  }
}
