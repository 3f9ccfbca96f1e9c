import { useContext } from 'react';
import type { Role } from '../api/types.ts';
import { SessionContext, type SessionState } from './SessionProvider.tsx';

/** The logged-in user (or null), whether the session is known, login and logout. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}

/** Whether `role` is one of `allowed` (the API checks again; this only hides controls). */
export function hasRole(role: Role | undefined, ...allowed: Role[]): boolean {
  return role !== undefined && allowed.includes(role);
}
