import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionChange, refreshSession, setAccessToken, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type Me = components['schemas']['MeDto'];

/** The password was right, and the account signs in with a second step (or must turn two-factor on first). */
export type SecondStep = components['schemas']['TwoFactorChallengeDto'] | components['schemas']['TwoFactorEnrolmentChallengeDto'];

interface SessionValue {
  /** False until the first silent refresh has answered (so pages do not flash "please sign in"). */
  ready: boolean;
  me: Me | null;
  isBureau: boolean;
  isExpert: boolean;
  isAdmin: boolean;
  /** Signs in, or answers the second step the account still needs (then `adopt` its session). */
  signIn(email: string, password: string): Promise<SecondStep | null>;
  /** After registration: the API answered with an access token already. */
  adopt(accessToken: string): Promise<void>;
  signOut(): Promise<void>;
  reload(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in user, kept across reloads by a silent refresh from the httpOnly cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [ready, setReady] = useState(false);
  const [signedIn, setSignedIn] = useState(false);

  useEffect(() => {
    const off = onSessionChange((value) => setSignedIn(value));
    void refreshSession().finally(() => setReady(true));
    return off;
  }, []);

  const meQuery = useQuery({
    queryKey: ['me'],
    enabled: signedIn,
    queryFn: async () => unwrap(await api.GET('/api/me')),
    staleTime: 60_000,
  });

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = unwrap(await api.POST('/api/auth/login', { body: { email, password, useCookie: true } }));
      if (!('accessToken' in session)) return session;
      setAccessToken(session.accessToken);
      await qc.invalidateQueries();
      return null;
    },
    [qc],
  );

  const adopt = useCallback(
    async (accessToken: string) => {
      setAccessToken(accessToken);
      await qc.invalidateQueries();
    },
    [qc],
  );

  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout', { body: {} });
    setAccessToken(null);
    qc.clear();
  }, [qc]);

  const reload = useCallback(async () => {
    await meQuery.refetch();
  }, [meQuery]);

  const me = signedIn ? (meQuery.data ?? null) : null;
  const value = useMemo<SessionValue>(
    () => ({
      ready: ready && (!signedIn || !meQuery.isLoading),
      me,
      isBureau: me?.organization.kind === 'bureau' && me.organization.status === 'verified',
      isExpert: !!me?.user.isExpert,
      isAdmin: me?.user.role === 'admin',
      signIn,
      adopt,
      signOut,
      reload,
    }),
    [ready, signedIn, meQuery.isLoading, me, signIn, adopt, signOut, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
