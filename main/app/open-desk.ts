import { join } from 'node:path';
import { type OpenedCore, openSqliteCore } from '../core';

export interface OpenDeskInput {
  userDataDir: string;
  clientId: string;
  empty: boolean;
  nativeBinding: string | undefined;
  onInternalError: (error: unknown, procedure: string) => void;
}

/** The desk's own replica: userData/kept.db, with an outbox of this desk's writes for the team server. */
export function openDesk(input: OpenDeskInput): Promise<OpenedCore> {
  return openSqliteCore({
    file: join(input.userDataDir, 'kept.db'),
    clientId: input.clientId,
    outbox: true,
    empty: input.empty,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
    dispatch: { onInternalError: (error, request) => input.onInternalError(error, request.procedure) },
  });
}
