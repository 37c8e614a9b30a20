import { type Mutation, SYNC_PUSH_MAX_MUTATIONS, type SyncPullResponse, type SyncPushResponse } from '../../../shared';
import { postAs, rpc, type Session, signIn } from '../server-process';
import type { WriteLedger } from './ledger';
import { type CaseParty, MutationMinter } from './mint';
import type { DeskPerson } from './team-database';

/**
 * A simulated desk: one person signed in on one server instance with the browser sign-in (cookie),
 * its own client id and outbox. Lightweight on purpose (no SQLite, no core): it mints mutations in
 * the shared shape with consecutive seqs and sends them as a desk's sync client would; everything it
 * calls is the real server doing real work on PostgreSQL.
 */
export class SimDesk {
  readonly minter: MutationMinter;
  /** Minted and not yet acknowledged, in seq order: a failed push is sent again before anything newer. */
  private readonly outbox: Mutation[] = [];
  private session: Session | null = null;

  constructor(
    readonly url: string,
    readonly person: DeskPerson,
    readonly clientId: string,
    private readonly ledger: WriteLedger,
  ) {
    this.minter = new MutationMinter(clientId, person.agent);
  }

  get unsent(): number {
    return this.outbox.length;
  }

  async signIn(): Promise<void> {
    this.session = await signIn(this.url, this.person.agent.employeeNo, this.person.password);
  }

  /** customers.pop by the number as typed: the customer, their brief and first history page, in one request. */
  async pop(party: CaseParty, typed: string): Promise<void> {
    const value = await rpc<{ customer: { id: string } | null }>(this.url, this.signedIn(), 'customers.pop', { phone: typed });
    if (value.customer?.id !== party.customerId) throw new Error(`customers.pop "${typed}" did not find customer ${party.customerId}`);
  }

  async search(q: string): Promise<void> {
    await rpc(this.url, this.signedIn(), 'search.global', { q });
  }

  note(party: CaseParty, body: string): void {
    this.outbox.push(this.minter.note(party, body));
  }

  promise(party: CaseParty, wording: string): void {
    this.outbox.push(this.minter.callbackPromise(party, wording, 24));
  }

  /**
   * Sends the outbox (up to one batch) and drops what the answer settles. Throws when the push
   * failed (network, a 5xx, a typed error) or something was refused: the caller counts an error.
   */
  async push(): Promise<SyncPushResponse | null> {
    if (this.outbox.length === 0) return null;
    const batch = this.outbox.slice(0, SYNC_PUSH_MAX_MUTATIONS);
    const response = await postAs<SyncPushResponse>(this.url, this.signedIn(), '/api/sync/push', {
      clientId: this.clientId,
      mutations: batch,
    });
    const settled = this.ledger.record(batch, response);
    const left = this.outbox.filter((m) => !settled.has(m.id));
    if (response.refused.length > 0) {
      // The batch rolled back and the refused write is dropped: what is left keeps the seq stream unbroken.
      left.forEach((m, i) => (m.seq = batch[0]!.seq + i));
      this.minter.continueAfter(batch[0]!.seq + left.length - 1);
    }
    this.outbox.splice(0, this.outbox.length, ...left);
    if (response.refused.length > 0) throw new Error(`push refused: ${JSON.stringify(response.refused[0]!.error)}`);
    return response;
  }

  pull(cursor: number, customerIds: string[], limit: number): Promise<SyncPullResponse> {
    return postAs<SyncPullResponse>(this.url, this.signedIn(), '/api/sync/pull', { clientId: this.clientId, cursor, customerIds, limit });
  }

  private signedIn(): Session {
    if (!this.session) throw new Error(`Desk ${this.clientId} is not signed in.`);
    return this.session;
  }
}
