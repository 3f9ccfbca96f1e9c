import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken } from '../api/client.ts';
import type { Session, SessionUser } from '../api/types.ts';

/** What `useSession()` gives a component. */
export type SessionState = {
  user: SessionUser | null;
  /** False until `GET /api/session` has answered (or failed). */
  ready: boolean;
  login: (username: string, password: string) => Promise<SessionUser | null>;
  logout: () => Promise<void>;
  /** Changes the signed-in user's password (required after a one-time password). */
  changePassword: (currentPassword: string, newPassword: string) => Promise<SessionUser | null>;
};

/** The session context; read it with `useSession()`. */
export const SessionContext = createContext<SessionState | null>(null);

/** Loads the session once, keeps its CSRF token for the API client, and offers login/logout. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [ready, setReady] = useState(false);

  const apply = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken ?? null);
    setUser(session.user ?? null);
    return session.user ?? null;
  }, []);

  useEffect(() => {
    api
      .get<Session>('/session')
      .then(apply)
      // An unreachable API leaves the visitor anonymous; pages show their own errors.
      .catch(() => setUser(null))
      .finally(() => setReady(true));
  }, [apply]);

  const login = useCallback(
    async (username: string, password: string) =>
      apply(await api.post<Session>('/session/login', { username, password })),
    [apply],
  );
  const logout = useCallback(async () => {
    await api.post('/session/logout').catch(() => undefined);
    setUser(null);
    apply(await api.get<Session>('/session').catch(() => ({ user: null, csrfToken: null })));
  }, [apply]);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) =>
      apply(await api.post<Session>('/session/password', { currentPassword, newPassword })),
    [apply],
  );

  const value = useMemo(
    () => ({ user, ready, login, logout, changePassword }),
    [user, ready, login, logout, changePassword],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
