/**
 * The draft kept for this tab (sessionStorage), so the decision-table editor's own page
 * (`policy-editor.html`, which has the CSP the editor needs) and the policy screen work on one draft.
 * A draft belongs to the bundle version it started from; one for another version is ignored.
 */
const KEY = 'kept.policy.draft';

export interface StoredDraft {
  base: string;
  texts: Record<string, string>;
}

export function readDraft(): StoredDraft | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    return typeof parsed.base === 'string' && parsed.texts && typeof parsed.texts === 'object' ? (parsed as StoredDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(draft: StoredDraft | null): void {
  try {
    if (draft) sessionStorage.setItem(KEY, JSON.stringify(draft));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage full or off: the draft still lives on this page.
  }
}
