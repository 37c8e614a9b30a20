import { useEffect, useRef } from 'react';

export interface Shortcut {
  key: string;
  ctrl?: boolean;
  alt?: boolean;
}

export interface ShortcutOptions {
  /**
   * Plain keys (j, k, ?) would eat what the agent types; they only act when focus is not in a
   * text field. Ctrl and Alt combinations act everywhere unless this says otherwise.
   */
  notWhileTyping?: boolean;
  /** Off while a form or dialog owns the keyboard. */
  enabled?: boolean;
}

/** Ctrl stands for Cmd on a Mac, where agents expect ⌘K rather than Ctrl+K. */
export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  // event.code keeps Alt+N working on layouts where Alt turns N into another character.
  const wanted = shortcut.key.toLowerCase();
  const sameKey =
    event.key.toLowerCase() === wanted || (wanted.length === 1 && /[a-z]/.test(wanted) && event.code === `Key${wanted.toUpperCase()}`);
  if (!sameKey) return false;
  const ctrl = event.ctrlKey || event.metaKey;
  return ctrl === Boolean(shortcut.ctrl) && event.altKey === Boolean(shortcut.alt);
}

/** True when keys pressed now become text: an input, a text area, a select or editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** A modal dialog is open: page shortcuts would act on the desk hidden behind it. */
export function isModalOpen(): boolean {
  return document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]') !== null;
}

/** A page-wide shortcut. It rests while a modal dialog is open, so it never acts on the desk behind it. */
export function useShortcut(shortcut: Shortcut, handler: () => void, options: ShortcutOptions = {}): void {
  const latest = useRef(handler);
  latest.current = handler;
  const { key, ctrl, alt } = shortcut;
  const { notWhileTyping = false, enabled = true } = options;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented || !matchesShortcut(event, { key, ctrl, alt })) return;
      if (notWhileTyping && isTypingTarget(event.target)) return;
      if (isModalOpen()) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, ctrl, alt, notWhileTyping, enabled]);
}
