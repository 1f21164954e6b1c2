// The business lines with their states and action tables (GET /api/lines), fetched once per page load: the
// table is code on the server and only changes with a deployment.
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import type { KindDef, LineDef } from './types.ts';

let cached: Promise<LineDef[]> | null = null;

function fetchLines(): Promise<LineDef[]> {
  cached ??= api.get<LineDef[]>('/api/lines').catch((err: unknown) => {
    cached = null; // a failed load is retried by the next page that asks
    throw err;
  });
  return cached;
}

export interface LinesValue {
  lines: LineDef[];
  loading: boolean;
  error: string | null;
  kindOf(line: string, kind: string): KindDef | undefined;
  lineLabel(line: string): string;
  stateLabel(line: string, kind: string, state: string): string;
}

export function useLines(): LinesValue {
  const [lines, setLines] = useState<LineDef[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchLines()
      .then((l) => live && setLines(l))
      .catch((err: unknown) => live && setError(errorMessage(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  const kindOf = (line: string, kind: string) =>
    lines.find((l) => l.id === line)?.kinds.find((k) => k.id === kind);
  return {
    lines,
    loading,
    error,
    kindOf,
    lineLabel: (line) => lines.find((l) => l.id === line)?.label ?? line,
    stateLabel: (line, kind, state) => kindOf(line, kind)?.states[state]?.label ?? state,
  };
}
