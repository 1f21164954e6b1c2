// Organisations the user may see, loaded once per session and shared by the header, home, org and user pages;
// and the district's directory of organ names (every active org, whatever the user's scope), loaded on first
// use by pickers that name another organ: a respondent, a recipient of a letter.
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
import { api, errorMessage } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import type { Org, OrgDirectoryEntry } from '../types.ts';

interface OrgsValue {
  orgs: Org[];
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
  byId: Map<number, Org>;
  directory: OrgDirectoryEntry[] | null;
  /** Starts loading the directory unless it is loaded or loading. */
  wantDirectory(): void;
}

const OrgsContext = createContext<OrgsValue | null>(null);

export function OrgsProvider({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  const allowed = can('org.read');
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [loading, setLoading] = useState(allowed);
  const [error, setError] = useState<string | null>(null);
  const [directory, setDirectory] = useState<OrgDirectoryEntry[] | null>(null);
  const directoryWanted = useRef(false);

  const loadDirectory = useCallback(async () => {
    try {
      setDirectory(await api.get<OrgDirectoryEntry[]>('/api/orgs/directory'));
    } catch (err) {
      directoryWanted.current = false; // let the next picker try again
      setError(errorMessage(err));
    }
  }, []);

  const wantDirectory = useCallback(() => {
    if (directoryWanted.current) return;
    directoryWanted.current = true;
    void loadDirectory();
  }, [loadDirectory]);

  const reload = useCallback(async () => {
    if (directoryWanted.current) void loadDirectory();
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
  }, [allowed, loadDirectory]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<OrgsValue>(
    () => ({
      orgs,
      loading,
      error,
      reload,
      byId: new Map(orgs.map((o) => [o.id, o])),
      directory,
      wantDirectory,
    }),
    [orgs, loading, error, reload, directory, wantDirectory],
  );
  return <OrgsContext.Provider value={value}>{children}</OrgsContext.Provider>;
}

export function useOrgs(): OrgsValue {
  const ctx = useContext(OrgsContext);
  if (!ctx) throw new Error('useOrgs outside OrgsProvider');
  return ctx;
}
