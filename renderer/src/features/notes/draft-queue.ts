/** Where the box's draft stands with the host. */
export type DraftSave =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'unsaved' }
  | { status: 'saving' }
  | { status: 'saved'; at: string; tooLongForNote: boolean }
  | { status: 'too_long' }
  | { status: 'failed'; error: unknown }
  | { status: 'load_failed'; error: unknown };

/**
 * One note box's draft reads and writes, run one after another in the order they were asked for, so
 * an older save can never land after a newer one. A job that fails does not stop those after it (the
 * job itself reports its failure); `idle` resolves once everything asked for so far has run.
 */
export interface DraftQueue {
  enqueue(job: () => Promise<void>): Promise<void>;
  idle(): Promise<void>;
}

export function createDraftQueue(): DraftQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    enqueue(job) {
      const next = tail.then(job).catch(() => undefined);
      tail = next;
      return next;
    },
    idle: () => tail,
  };
}

/** The host's earlier words and what the agent typed before they arrived: both kept, the older first. */
export function mergeDraft(earlier: string, typed: string): string {
  return earlier.length > 0 ? `${earlier}\n${typed}` : typed;
}

/** What the box says once the host saved `body`, while the agent may have typed on (`typed`). */
export function afterSave(body: string, typed: string, result: { updatedAt: string; tooLongForNote: boolean }): DraftSave {
  if (typed !== body) return { status: 'unsaved' };
  if (body.length === 0) return { status: 'idle' };
  return { status: 'saved', at: result.updatedAt, tooLongForNote: result.tooLongForNote };
}
