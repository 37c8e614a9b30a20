import { useEffect, useRef } from 'react';

export interface Shortcut {
  key: string;
  ctrl?: boolean;
  alt?: boolean;
}

/** Ctrl stands for Cmd on a Mac, where agents expect ⌘K rather than Ctrl+K. */
export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  // event.code keeps Alt+N working on layouts where Alt turns N into another character.
  const wanted = shortcut.key.toLowerCase();
  const sameKey = event.key.toLowerCase() === wanted || (wanted.length === 1 && event.code === `Key${wanted.toUpperCase()}`);
  if (!sameKey) return false;
  const ctrl = event.ctrlKey || event.metaKey;
  return ctrl === Boolean(shortcut.ctrl) && event.altKey === Boolean(shortcut.alt);
}

/** A page-wide shortcut that works wherever focus is, including inside text boxes. */
export function useShortcut(shortcut: Shortcut, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  const { key, ctrl, alt } = shortcut;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || !matchesShortcut(event, { key, ctrl, alt })) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, ctrl, alt]);
}
