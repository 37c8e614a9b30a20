/**
 * Who may move focus when a screen pop lands. The agent pressed Enter (or chose a customer) and
 * the desk will put the cursor in the note box when the customer arrives — but only if the agent
 * has not moved on meanwhile: focus still where it was when they asked (or nowhere), and nothing
 * typed since. Otherwise the digits of the next caller's number would land in this customer's note.
 */
interface Claim {
  at: unknown;
  moved: boolean;
}

/** The part of the document the rule needs (a test hands in a stand-in). */
export type FocusScope = Pick<Document, 'activeElement' | 'body' | 'addEventListener' | 'removeEventListener'>;

let claim: Claim | null = null;
let release: (() => void) | null = null;

/** Called when the agent asks for a customer: remembers where focus is, and watches for typing or moving. */
export function claimFocusForPop(doc: FocusScope = document): void {
  release?.();
  const current: Claim = { at: doc.activeElement, moved: false };
  const onInput = () => {
    current.moved = true;
  };
  const onFocus = (event: Event) => {
    if (event.target !== current.at) current.moved = true;
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('focusin', onFocus, true);
  claim = current;
  release = () => {
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('focusin', onFocus, true);
    if (claim === current) claim = null;
    release = null;
  };
}

/**
 * True once per look-up, when the agent left focus where it was (or on the page itself) and typed
 * nothing since asking: the desk may then move focus for them. Any later call says false.
 */
export function takeFocusClaim(doc: FocusScope = document): boolean {
  const current = claim;
  release?.();
  if (!current || current.moved) return false;
  const active = doc.activeElement;
  return active === null || active === doc.body || active === current.at;
}
