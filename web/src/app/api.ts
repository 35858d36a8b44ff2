import i18n, { currentLanguage } from '../i18n/index.ts';
import type { ProblemDto } from './types.ts';

/**
 * An error answer of the API: the RFC 9457 problem+json body (title and field messages already in the
 * language we asked for), or a problem made up here for network failures and non-JSON answers.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDto;

  constructor(status: number, problem: ProblemDto) {
    super(problem.detail && problem.detail !== problem.title ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  /** Field messages keyed by the server's field path ('username', 'grants.0.unitId'). */
  get fieldErrors(): Array<{ field: string; message: string }> {
    return (this.problem.errors ?? []).map(({ field, message }) => ({ field, message }));
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let onUnauthenticated: (() => void) | null = null;
/** Called when a request finds the session gone (401), so the app can send the user back to the login page. */
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const made = (status: number, code: string, title: string): ProblemDto => ({ type: 'about:blank', title, status, code });

/**
 * Calls the API with the session cookie and the interface language. Returns the parsed JSON (undefined
 * for 204); throws ApiError for any non-2xx answer or a network failure.
 */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage(), ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, made(0, 'NETWORK', i18n.t('common.networkError')));
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('json') ? await res.json().catch(() => undefined) : undefined;
  if (res.ok) return json as T;
  const problem = json && typeof json === 'object' && 'title' in json ? (json as ProblemDto) : made(res.status, 'UNEXPECTED', i18n.t('common.unexpectedError', { status: res.status }));
  if (res.status === 401 && problem.code === 'UNAUTHENTICATED') onUnauthenticated?.();
  throw new ApiError(res.status, problem);
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body: body ?? {}, headers }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * A fresh Idempotency-Key for a creation. crypto.randomUUID exists only on HTTPS or localhost; an office LAN
 * served over plain HTTP still has getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
