import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared';
import type { ConsoleClient } from '../../api';
import { useDeskLock } from '../desk-lock';
import { ClientProvider } from '../../state/client-context';
import { setProcedureData } from '../../state/queries';
import { createQueryClient } from '../../state/query-client';
import { SessionProvider } from '../../state/use-session';
import type { AuthApi } from './auth-api';
import { AuthContext, type AuthControls } from './auth-context';
import { SignInPage, type SignInNotice } from './SignInPage';

type Phase = { status: 'checking' } | { status: 'in' } | { status: 'out'; notice: SignInNotice };

function isUnauthenticated(error: unknown): boolean {
  return error instanceof AppError && error.code === 'unauthenticated';
}

/** The client with one addition: a call the host refuses as `unauthenticated` sends the person to the sign-in page. */
function watched(client: ConsoleClient, onSignedOut: () => void): ConsoleClient {
  return {
    ...client,
    call: async (name, input, options) => {
      try {
        return await client.call(name, input, options);
      } catch (error) {
        if (isUnauthenticated(error)) onSignedOut();
        throw error;
      }
    },
  };
}

/**
 * Who is at the console. Asks the host (`session.me`); when it answers `unauthenticated` — never
 * signed in, signed out, expired, disabled — shows the sign-in page instead of the desk. Each
 * sign-in gets a fresh client and a fresh query cache, so nothing of the previous person's screen,
 * cached reads or socket survives.
 */
export function AuthGate({ makeClient, auth, children }: { makeClient: () => ConsoleClient; auth: AuthApi | null; children: ReactNode }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ status: 'checking' });
  const [generation, setGeneration] = useState(0);
  // In the desktop, `unauthenticated` means the desk locked itself (idle): the desk's lock screen takes over.
  const deskLock = useDeskLock();
  const signedOut = useRef<(notice: SignInNotice) => void>(() => undefined);
  signedOut.current = (notice) => setPhase((p) => (p.status === 'out' ? p : { status: 'out', notice }));

  // A new client and query cache for each sign-in (`generation`), so nothing of the previous person's
  // screen, cached reads or socket survives.
  const { client, queryClient } = useMemo(
    () =>
      generation >= 0 ? { client: watched(makeClient(), () => signedOut.current('expired')), queryClient: createQueryClient() } : null,
    [makeClient, generation],
  )!;
  useEffect(() => {
    const close = () => client.close();
    window.addEventListener('pagehide', close);
    return () => {
      window.removeEventListener('pagehide', close);
      close();
    };
  }, [client]);

  useEffect(() => {
    if (phase.status !== 'checking') return;
    let live = true;
    client.call('session.me', {}).then(
      (agent) => {
        if (!live) return;
        // The desk's session read (`SessionProvider`) starts from this answer instead of asking again.
        setProcedureData(queryClient, 'session.me', {}, agent);
        setPhase({ status: 'in' });
      },
      (error: unknown) => live && setPhase(isUnauthenticated(error) ? { status: 'out', notice: null } : { status: 'in' }),
    );
    return () => {
      live = false;
    };
  }, [client, queryClient, phase.status]);

  // A live-update socket that drops may mean the session ended (signed out elsewhere, expired, the
  // account disabled): ask the host, so an idle page shows the sign-in page without waiting for a click.
  useEffect(() => {
    if (phase.status !== 'in' || !auth) return;
    return client.onConnectionChange((state) => {
      if (state === 'retrying') client.call('session.me', {}).catch(() => undefined);
    });
  }, [client, phase.status, auth]);

  const controls = useMemo<AuthControls>(
    () => ({
      canSignOut: auth !== null,
      signOut: () => {
        void auth?.signOut().then(() => {
          client.close();
          queryClient.clear();
          setPhase({ status: 'out', notice: 'signedOut' });
        });
      },
    }),
    [auth, client, queryClient],
  );

  const out = phase.status === 'out';
  useEffect(() => {
    if (out && !auth) deskLock?.lockedByHost();
  }, [out, auth, deskLock]);

  const onSignedIn = useCallback(() => {
    // What the previous person read (a session that expired on screen) is dropped with their cache.
    queryClient.clear();
    setGeneration((n) => n + 1);
    setPhase({ status: 'in' });
  }, [queryClient]);

  if (phase.status === 'checking')
    return (
      <p className="sign-in-checking" role="status">
        {t('auth.checking')}
      </p>
    );
  if (phase.status === 'out') {
    if (!auth) return <p className="sign-in-checking">{t('error.unauthenticated')}</p>;
    return <SignInPage auth={auth} notice={phase.notice} onSignedIn={onSignedIn} />;
  }
  return (
    <AuthContext.Provider value={controls}>
      <ClientProvider client={client} key={generation}>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>{children}</SessionProvider>
        </QueryClientProvider>
      </ClientProvider>
    </AuthContext.Provider>
  );
}
