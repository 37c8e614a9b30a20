import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/date-time';
import { BRIDGE_KEY, DeskSyncState, type Envelope, type SyncBridge } from '../../../../shared';

/** The sync half of the desktop bridge, or null in a browser (where the page talks to the server itself). */
export function chooseSync(win: Window = window): SyncBridge | null {
  const bridge = (win as unknown as Record<string, unknown>)[BRIDGE_KEY];
  if (typeof bridge !== 'object' || bridge === null) return null;
  const sync = (bridge as { sync?: unknown }).sync;
  if (typeof sync !== 'object' || sync === null) return null;
  const { state, setServer, signIn, signOut, onStatus } = sync as Partial<SyncBridge>;
  return [state, setServer, signIn, signOut, onStatus].every((f) => typeof f === 'function') ? (sync as SyncBridge) : null;
}

/**
 * The desk's sync state, shared by the top bar's badge and the settings dialog: read once, then kept
 * current by main's pushes (parsed: the page trusts nothing that crosses the bridge unchecked).
 */
function createSyncStore(sync: SyncBridge) {
  let current: DeskSyncState | null = null;
  const listeners = new Set<() => void>();
  const set = (value: unknown) => {
    const parsed = DeskSyncState.safeParse(value);
    if (!parsed.success) return;
    current = parsed.data;
    for (const listener of listeners) listener();
  };
  let started = false;
  return {
    get: () => current,
    set,
    subscribe(listener: () => void) {
      if (!started) {
        started = true;
        sync.onStatus(set);
        void sync.state().then((envelope) => envelope.ok && set(envelope.value));
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const stores = new WeakMap<SyncBridge, ReturnType<typeof createSyncStore>>();
function storeOf(sync: SyncBridge) {
  let store = stores.get(sync);
  if (!store) stores.set(sync, (store = createSyncStore(sync)));
  return store;
}

const noStore = { subscribe: () => () => undefined, get: () => null };

/** The current sync state (null before the first answer, or in a browser). */
export function useDeskSyncState(sync: SyncBridge | null): DeskSyncState | null {
  const store = sync ? storeOf(sync) : noStore;
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Takes an answer of a `sync:*` call as the new state when it succeeded. */
export function adoptAnswer(sync: SyncBridge, envelope: Envelope<DeskSyncState>): void {
  if (envelope.ok) storeOf(sync).set(envelope.value);
}

/** A refused `sync:*` call in words a person understands. */
export function useSyncFailureText() {
  const { t, i18n } = useTranslation();
  return (envelope: Envelope<DeskSyncState> | null): string | null => {
    if (!envelope || envelope.ok) return null;
    const { code, issues = [] } = envelope.error;
    switch (code) {
      case 'invalid_input': {
        const url = issues.find((i) => i.path === 'serverUrl');
        if (url) return t(`deskSync.issue.${url.message}`, { defaultValue: t('deskSync.issue.url_invalid') });
        return t('deskSync.required');
      }
      case 'unauthenticated':
        return t('deskSync.wrong');
      case 'rate_limited': {
        const at = issues.find((i) => i.path === 'retryAt')?.message;
        return at ? t('deskSync.locked', { time: formatDateTime(at, i18n.language) }) : t('deskSync.lockedSoon');
      }
      case 'unavailable':
        return t('deskSync.unreachable');
      case 'forbidden':
        return t('deskSync.onlyAdmin');
      default:
        return t('deskSync.failed');
    }
  };
}
