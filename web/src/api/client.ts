/**
 * The one way the app talks to the server: the public `/v1` API with the
 * session's bearer token, or the session cookie the browser sends by itself.
 * Every failure becomes an `ApiError` carrying the API's error code,
 * message and details; a 401 ends the session.
 */
import { endSession, getToken, inCookieSession } from '../auth/session.ts';

export interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[]; details?: Record<string, unknown> };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: { path: string; message: string }[];
  readonly details: Record<string, unknown>;

  constructor(status: number, body: Partial<ErrorBody> | null, fallback: string) {
    super(body?.error?.message ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.error?.code ?? (status === 0 ? 'network' : 'http_error');
    this.fields = body?.error?.fields ?? [];
    this.details = body?.error?.details ?? {};
  }
}

export function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Turns a non-2xx answer to a request made with the session's token into an ApiError; a 401 ends the session. */
export function failure(status: number, body: unknown): ApiError {
  const error = new ApiError(status, body as Partial<ErrorBody> | null, `the server answered ${status}`);
  if (status === 401) endSession(error.message);
  return error;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** A token to try instead of the session's, as the sign-in page does; a 401 then leaves the session alone. */
  bearer?: string;
}

/** A request and its status, for endpoints whose success codes differ (202 while a summary is produced). */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<{ status: number; body: T }> {
  const auth = opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : authHeaders();
  const headers: Record<string, string> = { accept: 'application/json', ...auth };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: opts.method ?? 'GET', headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal: opts.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, null, 'Cannot reach the Confer server. Is `confer serve` running?');
  }
  const body = await res.json().catch(() => null);
  // Only a refused session ends the session: an explicit token, or none at all (a shared link opened signed out), leaves it alone.
  if (!res.ok) throw opts.bearer || (!auth.authorization && !inCookieSession()) ? new ApiError(res.status, body, `the server answered ${res.status}`) : failure(res.status, body);
  return { status: res.status, body: body as T };
}

/** The body of a successful request. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return (await request<T>(path, opts)).body;
}

/**
 * A file from the API (an export's manifest or one of its files), fetched
 * with the session's credentials, as a Blob; refusals become an ApiError.
 */
export async function download(path: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(path, { headers: authHeaders() });
  } catch {
    throw new ApiError(0, null, 'Cannot reach the Confer server. Is `confer serve` running?');
  }
  if (!res.ok) throw failure(res.status, await res.json().catch(() => null));
  return res.blob();
}
