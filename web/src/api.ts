// Thin fetch wrapper for the Fazhi API: same-origin cookie session, CSRF header on writes, and RFC 9457
// problem+json turned into a thrown ApiError so pages can show `detail` and map `errors[]` onto fields.
import i18n from './i18n/index.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface Hooks {
  /** A request failed with 401 although a session was expected (lapsed, revoked). */
  onUnauthorized?: (err: ApiError) => void;
  /** The server insists on a password change before anything else. */
  onPasswordChangeRequired?: () => void;
}

let csrfToken: string | null = null;
const hooks: Hooks = {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiHooks(next: Hooks): void {
  Object.assign(hooks, next);
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // Not problem+json (e.g. a proxy error page): fall back to a generic message below.
  }
  const code = typeof body.code === 'string' ? body.code : `HTTP_${res.status}`;
  const detail =
    typeof body.detail === 'string'
      ? body.detail
      : typeof body.title === 'string'
        ? body.title
        : i18n.t('error.http', { status: res.status });
  const errors = Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [];
  return new ApiError(res.status, code, detail, errors, body);
}

interface Options {
  /** Login and the initial session probe handle 401 themselves; it is not a lapsed session there. */
  quiet401?: boolean;
}

async function request<T>(method: string, path: string, body?: unknown, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      // The server rejects an empty body sent as application/json, so writes without payload send {}.
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'));
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !opts.quiet401) hooks.onUnauthorized?.(err);
    if (err.code === 'PASSWORD_CHANGE_REQUIRED') hooks.onPasswordChangeRequired?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Options) =>
    request<T>('GET', withQuery(path, query), undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: Options) => request<T>('POST', path, body, opts),
  patch: <T>(path: string, body: unknown, opts?: Options) => request<T>('PATCH', path, body, opts),
};

/** Message to show for any thrown value: the server's Chinese `detail`, or a generic fallback. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.detail;
  return i18n.t('error.unknown');
}
