import { useCallback, useEffect, useRef, useState } from 'react';
import { DRAFT_MAX_CHARS } from '../../../../shared';
import { useClient } from '../../state/client-context';
import { afterSave, createDraftQueue, type DraftSave, mergeDraft } from './draft-queue';

/** Saved after the agent stops typing for this long, and at once when the box loses focus. */
export const DRAFT_IDLE_MS = 1_000;

export type { DraftSave };

export interface HostDraft {
  text: string;
  /** The text came back from the host and the agent has not changed it since. */
  restored: boolean;
  save: DraftSave;
  setText(value: string): void;
  /** Saves now what is not saved yet (the box lost focus, the page is going away). */
  flush(): void;
  /** Saves what is typed and waits for every draft write in flight: call before filing the note. */
  settle(): Promise<void>;
  /** The note was filed; the host removed the draft in the same transaction, so only the box is emptied. */
  filed(): void;
  /** Empties the box and removes the host's draft (after the text went somewhere other than a note). */
  discard(): void;
}

/**
 * The note being written, kept by the host per case (and per agent, which the host knows): read
 * when a case is chosen, saved after a second of quiet and on blur. The host writes it to its
 * database, so it survives a reload, a crash of the app, or a restart of the server.
 * Every draft read and write for this box goes through one queue, in order, so an older save can
 * never land after a newer one.
 */
export function useHostDraft(caseId: string | null, onPresence?: (caseId: string, hasText: boolean) => void): HostDraft {
  const client = useClient();
  const [text, setTextState] = useState('');
  const [restored, setRestored] = useState(false);
  const [save, setSave] = useState<DraftSave>({ status: 'idle' });

  const current = useRef<string | null>(caseId);
  const typed = useRef('');
  /** What the host holds for the current case, as far as this box knows. */
  const stored = useRef('');
  const touched = useRef(false);
  /** The case whose host draft could not be read; it is read before anything is saved over it. */
  const unread = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [queue] = useState(createDraftQueue);
  const presence = useRef(onPresence);
  presence.current = onPresence;

  const enqueue = queue.enqueue;

  const persist = useCallback(
    (id: string, body: string): Promise<void> => {
      if (body.length > DRAFT_MAX_CHARS) {
        if (current.current === id) setSave({ status: 'too_long' });
        return Promise.resolve();
      }
      return enqueue(async () => {
        if (current.current === id) setSave({ status: 'saving' });
        try {
          // The host's draft could not be read when the case was chosen: read it now, so saving
          // what was typed since does not overwrite words written before.
          if (unread.current === id) {
            const earlier = (await client.call('drafts.get', { caseId: id }))?.body ?? '';
            unread.current = null;
            if (earlier.length > 0 && current.current === id && earlier !== body) {
              body = mergeDraft(earlier, body);
              typed.current = body;
              setTextState(body);
            }
          }
          const result = await client.call('drafts.save', { caseId: id, body });
          presence.current?.(id, body.length > 0);
          if (current.current !== id) return;
          stored.current = body;
          setSave(afterSave(body, typed.current, result));
        } catch (error) {
          if (current.current === id) setSave({ status: 'failed', error });
        }
      });
    },
    [client, enqueue],
  );

  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(() => {
    stopTimer();
    const id = current.current;
    if (id && typed.current !== stored.current) void persist(id, typed.current);
  }, [persist]);

  const setText = useCallback(
    (value: string) => {
      typed.current = value;
      touched.current = true;
      setTextState(value);
      setRestored(false);
      const id = current.current;
      if (!id) return;
      setSave(value === stored.current ? { status: 'idle' } : { status: 'unsaved' });
      stopTimer();
      timer.current = setTimeout(() => {
        timer.current = null;
        if (typed.current !== stored.current) void persist(id, typed.current);
      }, DRAFT_IDLE_MS);
    },
    [persist],
  );

  // A case was chosen: read its draft. Leaving it (another case, another customer) saves what was typed.
  useEffect(() => {
    current.current = caseId;
    unread.current = null;
    typed.current = '';
    stored.current = '';
    touched.current = false;
    setTextState('');
    setRestored(false);
    if (!caseId) {
      setSave({ status: 'idle' });
      return;
    }
    setSave({ status: 'loading' });
    let live = true;
    void enqueue(async () => {
      try {
        const draft = await client.call('drafts.get', { caseId });
        if (!live) return;
        const body = draft?.body ?? '';
        stored.current = body;
        if (!touched.current) {
          typed.current = body;
          setTextState(body);
          setRestored(body.length > 0);
          setSave({ status: 'idle' });
          return;
        }
        // The agent began typing before the draft arrived: keep both, the older words first.
        if (body.length > 0) {
          const merged = mergeDraft(body, typed.current);
          typed.current = merged;
          setTextState(merged);
          setRestored(true);
        }
        setSave(typed.current === stored.current ? { status: 'idle' } : { status: 'unsaved' });
        if (typed.current !== stored.current) void persist(caseId, typed.current);
      } catch (error) {
        unread.current = caseId;
        if (live) setSave({ status: 'load_failed', error });
      }
    });
    return () => {
      live = false;
      stopTimer();
      if (typed.current !== stored.current) void persist(caseId, typed.current);
    };
  }, [caseId, client, enqueue, persist]);

  // The page is being hidden or closed: send what is unsaved now rather than after the idle pause.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flush]);

  const settle = useCallback(async () => {
    flush();
    await queue.idle();
  }, [flush, queue]);

  const filed = useCallback(() => {
    stopTimer();
    typed.current = '';
    stored.current = '';
    setTextState('');
    setRestored(false);
    setSave({ status: 'idle' });
    if (current.current) presence.current?.(current.current, false);
  }, []);

  const discard = useCallback(() => {
    stopTimer();
    typed.current = '';
    setTextState('');
    setRestored(false);
    const id = current.current;
    if (id && stored.current !== '') void persist(id, '');
    else setSave({ status: 'idle' });
  }, [persist]);

  return { text, restored, save, setText, flush, settle, filed, discard };
}
