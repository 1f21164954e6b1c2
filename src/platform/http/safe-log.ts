/**
 * What the server log keeps of an unexpected error: its kind, SQLSTATE and where it happened — never the values.
 * A PostgreSQL error's `detail`, `where` and message quote the offending values (a resident ID number, a name),
 * and the log is read by people who may not read the records.
 */
const redact = (text: string | undefined) =>
  text
    ?.replace(/"[^"\n]*"/g, '"…"')
    .replace(/'[^'\n]*'/g, "'…'")
    .replace(/\([^()\n]*\)=\([^()\n]*\)/g, '(…)=(…)')
    .replace(/\d{6,}[\dXx]*/g, '…');

export function errorForLog(err: unknown): Record<string, unknown> {
  const e = err as Error & Record<string, unknown>;
  if (!e || typeof e !== 'object') return { type: typeof err };
  const out: Record<string, unknown> = {
    type: e.name ?? e.constructor?.name,
    message: redact(String(e.message ?? '')),
    stack: redact(typeof e.stack === 'string' ? e.stack : undefined),
  };
  for (const key of ['code', 'routine', 'table', 'column', 'constraint', 'schema', 'dataType', 'statusCode'])
    if (e[key] !== undefined) out[key] = e[key];
  return out;
}

/** A request as logged at LOG_LEVEL=info: the path without its query string (searches carry names). */
export function requestForLog(req: { method?: string; url?: string; id?: string }) {
  return { method: req.method, url: req.url?.split('?')[0], id: req.id };
}
