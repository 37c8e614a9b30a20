import { useCallback, useMemo, useState } from 'react';
import type { CurrentPolicy } from '../../../../shared';
import { readDraft, writeDraft } from './draft-store';

/** The tables in the order an administrator reads them. */
export const TABLE_FILES = ['remedies.json', 'sla.json', 'escalation.json', 'authority.json'] as const;
export type TableFile = (typeof TABLE_FILES)[number];

export interface PolicyDraft {
  /** Each table's text as the administrator has it now. */
  texts: Record<string, string>;
  edited: (file: string) => boolean;
  anyEdited: boolean;
  setText(file: string, text: string): void;
  reset(): void;
  /** Edits made on a bundle that is no longer in force (someone published meanwhile): set aside, not lost. */
  setAside: { base: string; files: string[] } | null;
  /** Puts the set-aside edits back, over the bundle now in force. */
  restore(): void;
}

export const prettyJson = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The draft: each table of the bundle in force as JSON text, edited in place (or in the editor's page,
 * through `draft-store.ts`). The text is sent as typed; the host parses and checks it and names the
 * file and the problem when it refuses one.
 */
export function usePolicyDraft(current: CurrentPolicy | undefined): PolicyDraft {
  const version = current?.version ?? '';
  const original = useMemo(
    () => Object.fromEntries(Object.entries(current?.files ?? {}).map(([file, graph]) => [file, prettyJson(graph)])),
    [current],
  );
  const [edits, setEdits] = useState<{ base: string; texts: Record<string, string> }>(() => readDraft() ?? { base: '', texts: {} });
  // A new bundle in force (published here or elsewhere) starts a fresh draft.
  const texts = edits.base === version ? { ...original, ...edits.texts } : original;
  const setText = useCallback(
    (file: string, text: string) =>
      setEdits((e) => {
        const next = { base: version, texts: { ...(e.base === version ? e.texts : {}), [file]: text } };
        writeDraft(next);
        return next;
      }),
    [version],
  );
  const reset = useCallback(() => {
    writeDraft(null);
    setEdits({ base: version, texts: {} });
  }, [version]);
  const edited = (file: string) => texts[file] !== original[file];
  const stale = version !== '' && edits.base !== '' && edits.base !== version && Object.keys(edits.texts).length > 0;
  const restore = useCallback(
    () =>
      setEdits((e) => {
        const next = { base: version, texts: e.texts };
        writeDraft(next);
        return next;
      }),
    [version],
  );
  return {
    texts,
    edited,
    anyEdited: Object.keys(texts).some(edited),
    setText,
    reset,
    setAside: stale ? { base: edits.base, files: Object.keys(edits.texts) } : null,
    restore,
  };
}
