import type Database from 'better-sqlite3';

const COLUMNS = {
  agents: ['id', 'employee_no', 'name', 'role', 'created_at'],
  customers: ['id', 'name', 'tier', 'created_at', 'updated_at', 'version'],
  customer_phones: ['e164', 'customer_id', 'label', 'created_at'],
  cases: [
    'id',
    'number',
    'customer_id',
    'title',
    'category',
    'status',
    'priority',
    'level',
    'opened_by',
    'opened_at',
    'updated_at',
    'version',
    'resolved_at',
    'resolved_by',
  ],
  contacts: ['id', 'customer_id', 'agent_id', 'channel', 'direction', 'started_at', 'is_repeat'],
  contact_cases: ['contact_id', 'case_id'],
  notes: ['id', 'customer_id', 'case_id', 'contact_id', 'author_id', 'body', 'created_at', 'supersedes_id'],
  commitments: [
    'id',
    'case_id',
    'customer_id',
    'kind',
    'wording',
    'owner_id',
    'due_at',
    'grace_hours',
    'status',
    'created_by',
    'created_at',
    'resolved_at',
    'resolution_reason',
    'version',
  ],
  escalations: ['id', 'case_id', 'customer_id', 'level', 'reason', 'detail', 'status', 'commitment_id', 'raised_by', 'created_at'],
  messages: ['id', 'case_id', 'customer_id', 'template', 'locale', 'to_phone', 'body', 'status', 'attempts', 'created_at', 'sent_at'],
  surveys: ['id', 'case_id', 'customer_id', 'token', 'message_id', 'agent_id', 'created_at', 'score', 'answered_at', 'answered_via'],
  reviews: ['id', 'contact_id', 'agent_id', 'reviewer_id', 'items', 'score', 'comment', 'created_at'],
} as const;
type Table = keyof typeof COLUMNS;
type Value = string | number | null;
export type SupervisionTable = 'commitments' | 'escalations' | 'messages' | 'surveys' | 'reviews';

/** Rows per multi-row INSERT: enough to amortise the per-call cost, far below SQLite's variable limit. */
const BATCH = 64;

/**
 * Raw prepared INSERTs in large transactions, the fastest way better-sqlite3 loads rows (going
 * through mutations would also write audit rows, one transaction each). Rows are buffered per
 * table and written BATCH at a time with one multi-row statement, which halves the load time
 * against one call per row. Values are positional, in COLUMNS order.
 */
export class RowWriter {
  readonly counts: Record<Table, number> = {
    agents: 0,
    customers: 0,
    customer_phones: 0,
    cases: 0,
    contacts: 0,
    contact_cases: 0,
    notes: 0,
    commitments: 0,
    escalations: 0,
    messages: 0,
    surveys: 0,
    reviews: 0,
  };
  private readonly single = new Map<Table, Database.Statement<unknown[]>>();
  private readonly batched = new Map<Table, Database.Statement<unknown[]>>();
  private readonly buffers = new Map<Table, Value[]>();
  private pending = 0;

  constructor(
    private readonly raw: Database.Database,
    private readonly rowsPerTransaction = 250_000,
  ) {
    for (const table of Object.keys(COLUMNS) as Table[]) {
      const columns = COLUMNS[table];
      const row = `(${columns.map(() => '?').join(', ')})`;
      const insert = `insert into ${table} (${columns.join(', ')}) values `;
      this.single.set(table, raw.prepare<unknown[]>(insert + row));
      this.batched.set(table, raw.prepare<unknown[]>(insert + Array.from({ length: BATCH }, () => row).join(', ')));
      this.buffers.set(table, []);
    }
    raw.exec('begin');
  }

  agent(id: string, employeeNo: string, name: string, role: string, createdAt: string): void {
    this.write('agents', id, employeeNo, name, role, createdAt);
  }

  customer(id: string, name: string, tier: string, createdAt: string): void {
    this.write('customers', id, name, tier, createdAt, createdAt, 1);
  }

  phone(e164: string, customerId: string, label: string | null, createdAt: string): void {
    this.write('customer_phones', e164, customerId, label, createdAt);
  }

  case(row: {
    id: string;
    number: string;
    customerId: string;
    title: string;
    category: string;
    status: string;
    priority: string;
    level: number;
    openedBy: string;
    openedAt: string;
    updatedAt: string;
    version: number;
    resolvedAt: string | null;
    resolvedBy: string | null;
  }): void {
    this.write(
      'cases',
      row.id,
      row.number,
      row.customerId,
      row.title,
      row.category,
      row.status,
      row.priority,
      row.level,
      row.openedBy,
      row.openedAt,
      row.updatedAt,
      row.version,
      row.resolvedAt,
      row.resolvedBy,
    );
  }

  contact(id: string, customerId: string, agentId: string, channel: string, direction: string, startedAt: string, isRepeat: number): void {
    this.write('contacts', id, customerId, agentId, channel, direction, startedAt, isRepeat);
  }

  link(contactId: string, caseId: string): void {
    this.write('contact_cases', contactId, caseId);
  }

  note(
    id: string,
    customerId: string,
    caseId: string | null,
    contactId: string | null,
    authorId: string,
    body: string,
    createdAt: string,
  ): void {
    this.write('notes', id, customerId, caseId, contactId, authorId, body, createdAt, null);
  }

  /** A row of a supervision table (0010 and the promises it counts), values in COLUMNS order. */
  row(table: SupervisionTable, ...values: Value[]): void {
    if (values.length !== COLUMNS[table].length) throw new Error(`${table} takes ${COLUMNS[table].length} values, got ${values.length}`);
    this.write(table, ...values);
  }

  /** Writes what is buffered and commits. Call once at the end. */
  finish(): void {
    for (const table of Object.keys(COLUMNS) as Table[]) {
      const buffer = this.buffers.get(table)!;
      const width = COLUMNS[table].length;
      for (let at = 0; at < buffer.length; at += width) this.single.get(table)!.run(buffer.slice(at, at + width));
      buffer.length = 0;
    }
    this.raw.exec('commit');
  }

  private write(table: Table, ...values: Value[]): void {
    const buffer = this.buffers.get(table)!;
    buffer.push(...values);
    this.counts[table]++;
    if (buffer.length === BATCH * COLUMNS[table].length) {
      this.batched.get(table)!.run(buffer);
      buffer.length = 0;
    }
    if (++this.pending >= this.rowsPerTransaction) {
      this.raw.exec('commit');
      this.raw.exec('begin');
      this.pending = 0;
    }
  }
}
