import {
  type Agent,
  type AppErrorShape,
  type DeskSyncState,
  DeskSyncServerInput,
  DeskSyncSignInInput,
  type Envelope,
  invalidInput,
  SYNC_CHANNELS,
} from '../../shared';
import { failure, guardedHandler, refuseInput } from './guarded-handler';

/** What the sync router needs of the desk's server link (`main/sync/desk-connection.ts`); the app wires it. */
export interface DeskSyncPort {
  state(): Promise<DeskSyncState>;
  setServer(url: string | null): Promise<DeskSyncState>;
  signIn(
    employeeNo: string,
    password: string,
    pin?: string,
  ): Promise<{ ok: true; state: DeskSyncState; agent: Agent } | { ok: false; error: AppErrorShape & { retryAt?: string } }>;
  signOut(): Promise<DeskSyncState>;
}

export interface SyncRouterOptions<E> {
  sync: DeskSyncPort;
  /** The person unlocked at the desk (read afresh), or null while locked. */
  atDesk: () => Promise<Agent | null>;
  /** A person signed in against the server: they are now the person at the desk (the app unlocks the desk lock). */
  onSignedIn?: (agent: Agent) => void;
  isTrustedSender: (event: E) => boolean;
  onInternalError?: (error: unknown) => void;
}

export type SyncHandler<E> = (event: E, raw?: unknown) => Promise<Envelope<DeskSyncState>>;
type InvokeChannel = Exclude<(typeof SYNC_CHANNELS)[keyof typeof SYNC_CHANNELS], typeof SYNC_CHANNELS.status>;
export type SyncHandlers<E> = Record<InvokeChannel, SyncHandler<E>>;

const LOCKED: AppErrorShape = { code: 'unauthenticated', message: 'Unlock the desk first.' };

/**
 * The handlers behind the `sync:*` channels. Each checks the sender, parses its input with zod and
 * answers an envelope with the desk's sync state; none throws.
 * - `sync:state` — the server, who is signed in to it, online, unsent writes.
 * - `sync:setServer` `{ serverUrl | null }` — only an unlocked administrator: pointing a desk at
 *   another server sends it the desk's writes. https unless loopback (`DeskServerUrl`).
 * - `sync:signIn` `{ employeeNo, password, pin? }` — with a server named, this unlocks the desk as that
 *   server account (so it works while the desk is locked; the server checks the password); the server's
 *   refusal as it is (`unauthenticated`, or `rate_limited` with issue `retryAt`).
 * - `sync:signOut` — someone must be unlocked.
 */
export function createSyncRouter<E>(options: SyncRouterOptions<E>): SyncHandlers<E> {
  const guarded = (run: (raw: unknown) => Promise<Envelope<DeskSyncState>>): SyncHandler<E> => guardedHandler(options, run);
  const noInput = refuseInput;

  return {
    [SYNC_CHANNELS.state]: guarded(async (raw) => {
      const bad = noInput(raw);
      return bad ? failure(bad) : { ok: true, value: await options.sync.state() };
    }),
    [SYNC_CHANNELS.setServer]: guarded(async (raw) => {
      const parsed = DeskSyncServerInput.safeParse(raw);
      if (!parsed.success) return failure(invalidInput(parsed.error).toShape());
      const who = await options.atDesk();
      if (!who) return failure(LOCKED);
      if (who.role !== 'admin') return failure({ code: 'forbidden', message: 'Only an administrator may change the team server.' });
      return { ok: true, value: await options.sync.setServer(parsed.data.serverUrl) };
    }),
    [SYNC_CHANNELS.signIn]: guarded(async (raw) => {
      const parsed = DeskSyncSignInInput.safeParse(raw);
      if (!parsed.success) return failure(invalidInput(parsed.error).toShape());
      const result = await options.sync.signIn(parsed.data.employeeNo, parsed.data.password, parsed.data.pin);
      if (result.ok) {
        options.onSignedIn?.(result.agent);
        return { ok: true, value: result.state };
      }
      const { retryAt, ...error } = result.error;
      return failure(retryAt ? { ...error, issues: [...(error.issues ?? []), { path: 'retryAt', message: retryAt }] } : error);
    }),
    [SYNC_CHANNELS.signOut]: guarded(async (raw) => {
      const bad = noInput(raw);
      if (bad) return failure(bad);
      if (!(await options.atDesk())) return failure(LOCKED);
      return { ok: true, value: await options.sync.signOut() };
    }),
  };
}
