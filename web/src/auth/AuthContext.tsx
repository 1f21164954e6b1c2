// Session state for the whole app: who is signed in, and why someone was sent back to the login page.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, api, errorMessage, setApiHooks, setCsrfToken } from '../api.ts';
import type { Me, Permission } from '../types.ts';

/** Why the login page is shown: an i18n key, or a server message as-is. */
export type LoginNotice = { key: string } | { text: string } | null;

interface AuthValue {
  status: 'loading' | 'anonymous' | 'authenticated';
  me: Me | null;
  notice: LoginNotice;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  can(permission: Permission): boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

// The session check starts as this module loads, while React and antd are still rendering the first frame:
// the sign-in form (or the home page) waits on it.
let firstCheck: Promise<Me> | null = api.get<Me>('/api/auth/me', undefined, { quiet401: true });
// A 401 here is the usual answer for a new visitor; refresh() reads it, the browser need not report it.
firstCheck.catch(() => undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthValue['status']>('loading');
  const [notice, setNotice] = useState<LoginNotice>(null);
  const meRef = useRef<Me | null>(null);

  const setMe = useCallback((next: Me | null) => {
    meRef.current = next;
    setCsrfToken(next?.csrfToken ?? null);
    setMeState(next);
    setStatus(next ? 'authenticated' : 'anonymous');
  }, []);

  useEffect(() => {
    setApiHooks({
      onUnauthorized: (err) => {
        // Only a session that existed can lapse; a stray 401 before sign-in needs no message.
        if (!meRef.current) return;
        setNotice(
          err.code === 'SESSION_EXPIRED' || err.code === 'UNAUTHENTICATED'
            ? { key: 'login.sessionExpired' }
            : null,
        );
        setMe(null);
      },
      onPasswordChangeRequired: () => {
        const cur = meRef.current;
        if (cur && !cur.mustChangePassword) setMe({ ...cur, mustChangePassword: true });
      },
    });
  }, [setMe]);

  const refresh = useCallback(async () => {
    try {
      const check = firstCheck ?? api.get<Me>('/api/auth/me', undefined, { quiet401: true });
      firstCheck = null;
      setMe(await check);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setNotice(err.code === 'SESSION_EXPIRED' ? { key: 'login.sessionExpired' } : null);
      } else {
        setNotice({ text: errorMessage(err) });
      }
      setMe(null);
    }
  }, [setMe]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await api.post<Me>('/api/auth/login', { username, password }, { quiet401: true });
      setNotice(null);
      setMe(next);
      return next;
    },
    [setMe],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { quiet401: true });
    } catch {
      // The session is dropped locally either way; a lapsed session has nothing left to end.
    }
    setNotice({ key: 'login.loggedOut' });
    setMe(null);
  }, [setMe]);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      me,
      notice,
      login,
      logout,
      refresh,
      can: (p) => !!me?.permissions.includes(p),
    }),
    [status, me, notice, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
