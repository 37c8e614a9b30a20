import type { EventName, EventPayload } from './events';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from './procedures';

/** Options a caller may attach to one call. */
export interface CallOptions {
  /** Reusing an id on retry makes a mutation apply at most once. */
  mutationId?: string;
}

/**
 * The one interface the renderer talks to. Two transports implement it: IPC in the desktop,
 * HTTP + WebSocket in the browser. Both reject with AppError on failure.
 */
export interface ApiClient {
  call<P extends ProcedureName>(name: P, input: ProcedureInput<P>, options?: CallOptions): Promise<ProcedureOutput<P>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The request shape both transports carry. */
export interface CallRequest {
  procedure: string;
  input: unknown;
  mutationId?: string;
}
