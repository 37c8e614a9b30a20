import { type Mutation, type MutationArgs, type MutationName, newId } from '../../../shared';
import type { caseParty } from '../../../main/core/promises/commands';
import { composeMessage } from '../../../main/core/promises/commands';

/** A case, its customer and the number a confirmation goes to: what a desk needs to write about it. */
export type CaseParty = Awaited<ReturnType<typeof caseParty>>;

/**
 * What a simulated desk writes, as a desk's outbox would carry it: the shared `Mutation` shape with
 * fully resolved args (new ids, times, the composed confirmation) and the desk's own consecutive seq.
 * No SQLite per desk: the desk only numbers and sends; the server validates and applies for real.
 */
export class MutationMinter {
  private seq = 0;

  constructor(
    readonly clientId: string,
    readonly actor: { id: string; employeeNo: string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The seq of the last mutation minted (0 before the first). */
  get lastSeq(): number {
    return this.seq;
  }

  /** After a refused batch is dropped from the desk's outbox: the next mutation takes the seq after `seq`. */
  continueAfter(seq: number): void {
    this.seq = seq;
  }

  note(party: CaseParty, body: string): Mutation {
    return this.mint('notes.add', { id: newId(), caseId: party.caseId, body, at: this.now().toISOString() });
  }

  /** A callback promise, due in `dueInHours`, with its confirmation text composed as the desk would. */
  callbackPromise(party: CaseParty, wording: string, dueInHours: number): Mutation {
    const at = this.now();
    const dueAt = new Date(at.getTime() + dueInHours * 3_600_000).toISOString();
    return this.mint('commitments.create', {
      id: newId(),
      caseId: party.caseId,
      customerId: party.customerId,
      kind: 'callback',
      fromOffer: null,
      wording,
      amount: null,
      dueAt,
      supplied: {},
      decisionId: newId(),
      message: composeMessage('commitment_created', 'zh-CN', party, wording, dueAt, this.actor.employeeNo),
      at: at.toISOString(),
    });
  }

  private mint<N extends MutationName>(name: N, args: MutationArgs<N>): Mutation {
    return {
      id: newId(),
      clientId: this.clientId,
      seq: ++this.seq,
      name,
      args,
      at: this.now().toISOString(),
      actor: this.actor.id,
      policyVersion: null,
    };
  }
}
