// Organisations the user may see, loaded once per session and shared by the header, home, org and user pages.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import type { Org } from '../types.ts';

interface OrgsValue {
  orgs: Org[];
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
  byId: Map<number, Org>;
}

const OrgsContext = createContext<OrgsValue | null>(null);

export function OrgsProvider({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  const allowed = can('org.read');
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [loading, setLoading] = useState(allowed);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!allowed) return;
    setLoading(true);
    try {
      setOrgs(await api.get<Org[]>('/api/orgs'));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [allowed]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<OrgsValue>(
    () => ({ orgs, loading, error, reload, byId: new Map(orgs.map((o) => [o.id, o])) }),
    [orgs, loading, error, reload],
  );
  return <OrgsContext.Provider value={value}>{children}</OrgsContext.Provider>;
}

export function useOrgs(): OrgsValue {
  const ctx = useContext(OrgsContext);
  if (!ctx) throw new Error('useOrgs outside OrgsProvider');
  return ctx;
}
