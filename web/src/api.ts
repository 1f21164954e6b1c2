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
  /** Extra request headers, e.g. the Idempotency-Key of a create or a workflow action. */
  headers?: Record<string, string>;
}

async function send(method: string, path: string, body: BodyInit | undefined, json: boolean, opts: Options) {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    ...opts.headers,
  };
  if (method !== 'GET') {
    // A multipart upload sets its own content type (with the boundary); only JSON bodies are labelled here.
    if (json) headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'));
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !opts.quiet401) hooks.onUnauthorized?.(err);
    if (err.code === 'PASSWORD_CHANGE_REQUIRED') hooks.onPasswordChangeRequired?.();
    throw err;
  }
  return res;
}

async function request<T>(method: string, path: string, body?: unknown, opts: Options = {}): Promise<T> {
  // The server rejects an empty body sent as application/json, so writes without payload send {}.
  const payload = method === 'GET' ? undefined : JSON.stringify(body ?? {});
  const res = await send(method, path, payload, true, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The file name from `Content-Disposition` (RFC 5987 `filename*` first), or the fallback. */
function dispositionName(header: string | null, fallback: string): string {
  const star = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A malformed escape: keep the fallback name rather than fail the download.
    }
  }
  return header?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** Hands a fetched file to the browser as a download, named by the server when it says so. */
async function save(res: Response, fallbackName: string): Promise<void> {
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = dispositionName(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the object URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads through fetch rather than a plain link, so a refusal (e.g. PDF 503 without LibreOffice) shows the
 * server's Chinese message instead of replacing the page with a JSON error.
 */
async function download(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  await save(await send('GET', withQuery(path, query), undefined, false, {}), fallbackName);
}

/** A download generated from a request body (e.g. a composed report as DOCX). */
async function downloadPost(path: string, body: unknown, fallbackName = 'download'): Promise<void> {
  await save(await send('POST', path, JSON.stringify(body ?? {}), true, {}), fallbackName);
}

/** Idempotency key for one opened form: a retry or double click of the same submission is applied once. */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; an intranet deployment over plain http still has getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Options) =>
    request<T>('GET', withQuery(path, query), undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: Options) => request<T>('POST', path, body, opts),
  patch: <T>(path: string, body: unknown, opts?: Options) => request<T>('PATCH', path, body, opts),
  put: <T>(path: string, body: unknown, opts?: Options) => request<T>('PUT', path, body, opts),
  upload: async <T>(path: string, form: FormData): Promise<T> =>
    (await (await send('POST', path, form, false, {})).json()) as T,
  download,
  downloadPost,
};

/** Message to show for any thrown value: the server's Chinese `detail`, or a generic fallback. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.detail;
  return i18n.t('error.unknown');
}
