import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskBridge, DeskState } from '../../../../shared';
import { DeskLockContext, type DeskLockControls } from './desk-lock-context';
import { DeskLockScreen } from './DeskLockScreen';

type Phase = { status: 'checking' } | { status: 'locked'; state: DeskState; notice: boolean } | { status: 'unlocked'; state: DeskState };

/** How often an unlocked desk asks the host whether it locked itself (idle), without counting as use. */
const WATCH_MS = 30_000;

/**
 * The desktop's lock, in front of everything else: nobody works at a shared desk until they choose
 * their profile and enter its PIN. In a browser (`desk` null) it renders its children and nothing
 * else. Each unlock mounts the children afresh (`key`), so the previous person's client, cache and
 * screen are gone.
 */
export function DeskGate({ desk, children, lockExtra }: { desk: DeskBridge | null; children: ReactNode; lockExtra?: LockExtra }) {
  return desk ? (
    <DeskGateOn desk={desk} lockExtra={lockExtra}>
      {children}
    </DeskGateOn>
  ) : (
    <>{children}</>
  );
}

/** More ways to unlock on the lock screen, given how to show the desk's state after one (the app adds the team server's). */
export type LockExtra = (onState: (state: DeskState) => void) => ReactNode;

function DeskGateOn({ desk, children, lockExtra }: { desk: DeskBridge; children: ReactNode; lockExtra?: LockExtra | undefined }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ status: 'checking' });
  const [generation, setGeneration] = useState(0);

  const show = useCallback((state: DeskState, notice = false) => {
    setPhase((previous) => {
      if (state.current === null) return { status: 'locked', state, notice };
      // A new person at the desk (an unlock, or a server sign-in as someone else) gets a fresh desk.
      if (previous.status !== 'unlocked' || previous.state.current?.id !== state.current.id) setGeneration((n) => n + 1);
      return { status: 'unlocked', state };
    });
  }, []);

  const refresh = useCallback(
    (notice = false) =>
      void desk.state().then((envelope) => {
        if (envelope.ok) show(envelope.value, notice);
      }),
    [desk, show],
  );

  useEffect(() => refresh(), [refresh]);

  useEffect(() => {
    if (phase.status !== 'unlocked') return;
    const timer = window.setInterval(() => refresh(true), WATCH_MS);
    return () => window.clearInterval(timer);
  }, [phase.status, refresh]);

  const controls = useMemo<DeskLockControls | null>(() => {
    if (phase.status !== 'unlocked' || !phase.state.current) return null;
    return {
      current: phase.state.current,
      idleLockMinutes: phase.state.idleLockMinutes,
      bridge: desk,
      lock: () =>
        void desk.lock().then((envelope) => {
          if (envelope.ok) show(envelope.value, true);
        }),
      lockedByHost: () => refresh(true),
      personChanged: () => refresh(false),
    };
  }, [desk, phase, refresh, show]);

  if (phase.status === 'checking')
    return (
      <p className="sign-in-checking" role="status">
        {t('deskLock.loading')}
      </p>
    );
  if (phase.status === 'locked')
    return <DeskLockScreen desk={desk} state={phase.state} notice={phase.notice} onState={show} extra={lockExtra?.(show)} />;
  return (
    <DeskLockContext.Provider value={controls} key={generation}>
      {children}
    </DeskLockContext.Provider>
  );
}
