import { useCallback, useMemo, useState } from 'react';
import type { CurrentPolicy } from '../../../../shared';

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
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The draft: each table of the bundle in force as JSON text, edited in place. The text is sent as
 * typed; the host parses and checks it and names the file and the problem when it refuses one.
 */
export function usePolicyDraft(current: CurrentPolicy | undefined): PolicyDraft {
  const original = useMemo(
    () => Object.fromEntries(Object.entries(current?.files ?? {}).map(([file, graph]) => [file, pretty(graph)])),
    [current],
  );
  const [edits, setEdits] = useState<{ base: Record<string, string>; texts: Record<string, string> }>({ base: original, texts: {} });
  // A new bundle in force (published here or elsewhere) starts a fresh draft.
  const texts = edits.base === original ? { ...original, ...edits.texts } : original;
  const setText = useCallback(
    (file: string, text: string) => setEdits((e) => ({ base: original, texts: { ...(e.base === original ? e.texts : {}), [file]: text } })),
    [original],
  );
  const reset = useCallback(() => setEdits({ base: original, texts: {} }), [original]);
  const edited = (file: string) => texts[file] !== original[file];
  return { texts, edited, anyEdited: Object.keys(texts).some(edited), setText, reset };
}
