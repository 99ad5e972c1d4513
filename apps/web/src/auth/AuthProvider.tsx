import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { setLanguage, storedLanguage } from '../i18n';
import { accessToken, onSessionChange, type SignOutReason } from './session';

export type Profile = components['schemas']['ProfileDto'];
export type Role = Profile['roles'][number]['role'];

type Status = 'checking' | 'signed-in' | 'signed-out';

interface AuthState {
  status: Status;
  profile: Profile | undefined;
  /** Why the last session ended, for the sign-in screen. */
  endedBecause: SignOutReason | null;
  hasRole(...roles: Role[]): boolean;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('checking');
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => {
    // A reload keeps the session through the refresh cookie.
    let live = true;
    accessToken()
      .then((token) => live && setStatus(token ? 'signed-in' : 'signed-out'))
      .catch(() => live && setStatus('signed-out'));
    const stop = onSessionChange((event) => {
      if (event.type === 'signed-in') {
        setEndedBecause(null);
        setStatus('signed-in');
      } else {
        setEndedBecause(event.reason);
        setStatus('signed-out');
        queryClient.clear();
      }
    });
    return () => {
      live = false;
      stop();
    };
  }, [queryClient]);

  const profileQuery = useQuery({
    queryKey: ['me'],
    queryFn: () => call(api.GET('/api/v1/me')),
    enabled: status === 'signed-in',
    staleTime: 5 * 60_000,
  });
  const profile = status === 'signed-in' ? profileQuery.data : undefined;

  useEffect(() => {
    if (profile && !storedLanguage()) void setLanguage(profile.locale);
  }, [profile]);

  const value = useMemo<AuthState>(
    () => ({
      status: status === 'signed-in' && !profile ? 'checking' : status,
      profile,
      endedBecause,
      hasRole: (...roles) => !!profile?.roles.some((r) => roles.includes(r.role)),
      can: (permission) => !!profile?.permissions.includes(permission),
    }),
    [status, profile, endedBecause],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
