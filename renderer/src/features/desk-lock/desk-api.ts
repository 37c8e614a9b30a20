import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/date-time';
import { BRIDGE_KEY, type DeskBridge, type DeskState, type Envelope } from '../../../../shared';

/** The desk half of the desktop bridge, or null in a browser (where the server's sign-in stays). */
export function chooseDesk(win: Window = window): DeskBridge | null {
  const bridge = (win as unknown as Record<string, unknown>)[BRIDGE_KEY];
  if (typeof bridge !== 'object' || bridge === null) return null;
  const desk = (bridge as { desk?: unknown }).desk;
  if (typeof desk !== 'object' || desk === null) return null;
  const { state, unlock, lock, createProfile } = desk as Partial<DeskBridge>;
  return [state, unlock, lock, createProfile].every((f) => typeof f === 'function') ? (desk as DeskBridge) : null;
}

/** Why an unlock (or a profile) was refused, as the lock screen says it. */
export type DeskFailure =
  | { kind: 'wrong' }
  | { kind: 'locked'; until: string | null }
  | { kind: 'invalid'; issues: string[] }
  | { kind: 'conflict' }
  | { kind: 'failed' };

export function deskFailure(envelope: Envelope<DeskState>): DeskFailure | null {
  if (envelope.ok) return null;
  const { code, issues = [] } = envelope.error;
  if (code === 'rate_limited') return { kind: 'locked', until: issues.find((i) => i.path === 'lockedUntil')?.message ?? null };
  if (code === 'unauthenticated') return { kind: 'wrong' };
  if (code === 'invalid_input') return { kind: 'invalid', issues: issues.map((i) => i.path) };
  if (code === 'conflict') return { kind: 'conflict' };
  return { kind: 'failed' };
}

/** A failure (or a check made before asking) in words, for the screen's alert. */
export function useFailureText() {
  const { t, i18n } = useTranslation();
  return (failure: DeskFailure | 'choose' | 'shape' | 'required' | 'mismatch' | null): string | null => {
    if (failure === null) return null;
    if (failure === 'choose') return t('deskLock.chooseFirst');
    if (failure === 'shape') return t('deskLock.pinShape');
    if (failure === 'required') return t('deskLock.required');
    if (failure === 'mismatch') return t('deskLock.pinMismatch');
    switch (failure.kind) {
      case 'wrong':
        return t('deskLock.wrong');
      case 'locked':
        return failure.until ? t('deskLock.locked', { time: formatDateTime(failure.until, i18n.language) }) : t('deskLock.failed');
      case 'conflict':
        return t('accounts.issue.employee_no_taken');
      case 'invalid':
        return failure.issues.includes('pin') ? t('deskLock.pinShape') : t('deskLock.required');
      default:
        return t('deskLock.failed');
    }
  };
}
