import type { Generated } from 'kysely';
import type { AccountTables } from './schema-accounts';

/** Kysely's view of the database. Times are ISO-8601 UTC strings, which sort as text. */
export interface DB extends AccountTables {
  meta: { key: string; value: string };
  agents: {
    id: string;
    employee_no: string;
    name: string;
    role: string;
    created_at: string;
    team: string | null;
    disabled: Generated<number>;
  };
  customers: { id: string; name: string; tier: string; created_at: string; updated_at: string; version: number };
  customer_phones: { e164: string; customer_id: string; label: string | null; created_at: string };
  cases: {
    id: string;
    number: string;
    customer_id: string;
    title: string;
    category: string;
    status: string;
    priority: string;
    level: number;
    opened_by: string;
    opened_at: string;
    updated_at: string;
    version: number;
    /** When the case last became resolved or closed; null while open (0010). */
    resolved_at: string | null;
    /** Who resolved it last (0010). */
    resolved_by: string | null;
    // customer_tier (0016) is a copy of the customer's tier kept by triggers for the SLA chart's index;
    // core never writes it and reads it only in that raw query, so it is left out of this type.
  };
  contacts: {
    id: string;
    customer_id: string;
    agent_id: string;
    channel: string;
    direction: string;
    started_at: string;
    /** 1: inbound, with another inbound contact of the customer in the 7 days before; set when logged (0010). */
    is_repeat: Generated<number | null>;
  };
  contact_cases: { contact_id: string; case_id: string };
  /** Inbound contacts and repeats per Beijing day and agent, kept by triggers on contacts (0016). */
  contact_days: { day: string; agent_id: string; inbound: number; repeats: number };
  notes: {
    id: string;
    customer_id: string;
    case_id: string | null;
    contact_id: string | null;
    author_id: string;
    body: string;
    created_at: string;
    supersedes_id: string | null;
  };
  pinned_facts: {
    id: string;
    customer_id: string;
    case_id: string | null;
    note_id: string | null;
    body: string;
    author_id: string;
    created_at: string;
    unpinned_at: string | null;
    unpinned_by: string | null;
  };
  incidents: {
    id: string;
    title: string;
    description: string;
    /** JSON array of case categories. */
    categories: string;
    guidance: string;
    starts_at: string;
    ends_at: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  drafts: { case_id: string; agent_id: string; body: string; updated_at: string };
  customer_promotions: {
    id: string;
    customer_id: string;
    name: string;
    prepaid_amount: number;
    voucher_value: number;
    joined_at: string;
    voucher_expires_at: string | null;
  };
  decisions: {
    id: string;
    case_id: string;
    customer_id: string;
    actor_id: string;
    bundle_version: string;
    facts: string;
    answer: string;
    rule_ids: string;
    action: string;
    created_at: string;
    /** JSON: the facts the agent supplied that counted (the record had none). */
    supplied: string | null;
  };
  escalations: {
    id: string;
    case_id: string;
    customer_id: string;
    level: number;
    reason: string;
    detail: string;
    offer: string | null;
    amount: number | null;
    status: string;
    commitment_id: string | null;
    decision_id: string | null;
    raised_by: string;
    decided_by: string | null;
    created_at: string;
    decided_at: string | null;
    decision_note: string | null;
    /** Who took it (0012); null while nobody at its level has. */
    owner_id: string | null;
    /** When its current level's time limit runs out (0012); null only on rows a bulk loader wrote. */
    due_at: string | null;
    /** JSON values the UI words the detail with, for system-raised ones (0012). */
    detail_params: string | null;
    /** The last transition (0012). */
    updated_at: string | null;
    /** approved or denied, once decided (0012); kept when it is then resolved. */
    decision: string | null;
  };
  commitments: {
    id: string;
    case_id: string;
    customer_id: string;
    kind: string;
    wording: string;
    amount: number | null;
    owner_id: string;
    due_at: string;
    grace_hours: number;
    status: string;
    decision_id: string | null;
    escalation_id: string | null;
    created_by: string;
    created_at: string;
    alerted_at: string | null;
    resolved_at: string | null;
    reschedules: number;
    first_due_at: string | null;
    resolution_reason: string | null;
    version: number;
  };
  messages: {
    id: string;
    case_id: string;
    customer_id: string;
    commitment_id: string | null;
    template: string;
    locale: string;
    to_phone: string;
    body: string;
    status: string;
    gateway: string | null;
    attempts: number;
    next_attempt_at: string | null;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
  };
  audit_log: {
    seq: Generated<number>;
    at: string;
    actor_id: string;
    mutation_id: string;
    action: string;
    entity: string;
    entity_id: string;
    data: string;
    prev_hash: string;
    hash: string;
  };
  /** The audit chain's head, one row (id 1), moved by a trigger on every audit insert (0007). */
  audit_head: {
    id: number;
    seq: number;
    hash: string;
    count: number;
  };
  /** A QA review of one contact by one reviewer (0010). */
  reviews: {
    id: string;
    contact_id: string;
    agent_id: string;
    reviewer_id: string;
    items: string;
    score: number;
    comment: string;
    created_at: string;
  };
  /** The contact a conduct complaint case is about, and the agent complained about (0010). */
  case_complaints: { case_id: string; contact_id: string; agent_id: string; created_at: string };
  /** A satisfaction survey sent when a case was resolved, and its one answer (0010). */
  surveys: {
    id: string;
    case_id: string;
    customer_id: string;
    token: string;
    message_id: string;
    agent_id: string;
    created_at: string;
    score: number | null;
    comment: string | null;
    answered_at: string | null;
    answered_via: string | null;
    answered_by: string | null;
  };
  applied_mutations: {
    id: string;
    client_id: string;
    seq: number;
    name: string;
    args: string;
    actor_id: string;
    at: string;
    applied_at: string;
    /** sha256 of the procedure and input the id was first used for; null for writes not made through a procedure. */
    request: string | null;
  };
  outbox: {
    seq: Generated<number>;
    mutation_id: string;
    mutation: string;
    created_at: string;
    status: string;
    attempts: number;
    last_error: string | null;
  };
  sync_clients: { client_id: string; actor_id: string; last_seq: number; created_at: string; updated_at: string };
  changes: {
    change_seq: Generated<number>;
    mutation_id: string;
    entity: string;
    entity_id: string;
    customer_id: string | null;
    at: string;
  };
  /** A desk's write the server kept apart for a supervisor (0014). */
  sync_conflicts: {
    id: string;
    kind: string;
    entity: string;
    entity_id: string;
    customer_id: string | null;
    field: string;
    base_version: number | null;
    theirs: string;
    ours: string;
    client_id: string;
    actor_id: string;
    mutation_id: string;
    at: string;
    resolved_at: string | null;
    resolved_by: string | null;
  };
  /** The customers a desk holds and when it last opened or wrote them (0014). */
  desk_holdings: { customer_id: string; touched_at: string };
  /** Published policy bundles; the latest is the active one (0013). */
  policy_versions: {
    id: string;
    version: string;
    /** JSON: the bundle's tables by file name. */
    files: string;
    published_by: string;
    published_at: string;
    note: string;
  };
}
