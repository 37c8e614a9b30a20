import { useCallback, useState } from 'react';

const PREFIX = 'kept.draft.';

function read(key: string): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return '';
  }
}

function write(key: string, value: string): void {
  try {
    if (value.length === 0) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, value);
  } catch {
    // storage full or disabled: the text stays in the box, only the reload safety net is gone
  }
}

/** Text that survives a reload or a crash: written to local storage on every keystroke. */
export function useDraft(key: string): { text: string; restored: boolean; setText(value: string): void; clear(): void } {
  const [state, setState] = useState(() => {
    const text = read(key);
    return { key, text, restored: text.length > 0 };
  });
  // A different customer: start from that customer's draft.
  let current = state;
  if (state.key !== key) {
    const text = read(key);
    current = { key, text, restored: text.length > 0 };
    setState(current);
  }

  const setText = useCallback(
    (value: string) => {
      write(key, value);
      setState({ key, text: value, restored: false });
    },
    [key],
  );
  const clear = useCallback(() => setText(''), [setText]);

  return { text: current.text, restored: current.restored, setText, clear };
}
