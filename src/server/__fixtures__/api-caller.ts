/**
 * Calls the API for tests: a path, a method, a JSON body and a bearer token
 * (the world owner's unless given), through any transport — the app in
 * process (`app.request`) or a running server (`fetch`).
 */

export interface CallOptions {
  method?: string;
  body?: unknown;
  token?: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** The JSON body, or null when the response is empty or not JSON. */
  body: any;
  json(): Promise<any>;
  bytes(): Promise<Buffer>;
}

/**
 * @example
 * const call = apiCaller((path, init) => app.request(path, init), () => world.ownerToken);
 * (await call('/v1/holds', { method: 'POST', body: { name: 'case-1' } })).status // 201
 */
export function apiCaller(
  send: (path: string, init: RequestInit) => Response | Promise<Response>,
  defaultToken: () => string,
): (path: string, options?: CallOptions) => Promise<ApiResponse> {
  return async (path, options = {}) => {
    const headers = new Headers({ authorization: `Bearer ${options.token ?? defaultToken()}` });
    if (options.body !== undefined) headers.set('content-type', 'application/json');
    const res = await send(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const bytes = Buffer.from(await res.arrayBuffer());
    const isJson = /\bjson\b/.test(res.headers.get('content-type') ?? '') && bytes.length > 0;
    const body = isJson ? JSON.parse(bytes.toString('utf8')) : null;
    return { status: res.status, headers: res.headers, body, json: async () => body, bytes: async () => bytes };
  };
}
