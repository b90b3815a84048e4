/**
 * A loopback HTTP server that speaks one provider's wire protocol, for tests.
 * It records every request (secrets redacted), can be told to fail with the
 * provider's own error shape or to answer slowly, and closes cleanly even
 * with requests in flight. The protocol itself (routes, validation, answers)
 * comes from a `WireProtocol`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the protocol handler sees it: headers are lower-cased and NOT redacted. */
export interface WireRequest {
  method: string;
  /** The path as sent on the wire (percent-encoding kept). */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON, parsed multipart form, or the raw text when neither applies. */
  body: unknown;
  /** The body bytes as received (for signature checks); not recorded. */
  rawBody: Buffer;
  /** Set when a JSON content type carried a body that is not JSON. */
  bodyError?: 'invalid_json';
}

/** A multipart body: text fields (repeated names become arrays) and file metadata. */
export interface MultipartBody {
  fields: Record<string, string | string[]>;
  files: { field: string; filename: string; type: string; size: number }[];
}

export interface WireReply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, raw bytes/text, or chunks written one by one (streams). */
  json?: unknown;
  raw?: string | Uint8Array;
  chunks?: (string | Uint8Array)[];
}

export interface WireProtocol {
  /** Header names whose values are secrets; recorded redacted. */
  secretHeaders: string[];
  handle(request: WireRequest): WireReply | Promise<WireReply>;
  /** The provider's error reply for a status (used by `failNext`). */
  failure(status: number): WireReply;
}

/** What a test sees of a request: like `WireRequest`, with secrets redacted. */
export type RecordedRequest = Omit<WireRequest, 'bodyError' | 'rawBody'>;

export interface FailureSpec {
  status: number;
  /** How many requests fail (default 1; `Infinity` for all). */
  times?: number;
  /** Delay before the failure answer. */
  latencyMs?: number;
  /** Extra headers (e.g. `retry-after`). */
  headers?: Record<string, string>;
}

export class WireServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly queue: { reply: WireReply; latencyMs: number; remaining: number }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private latencyMs = 0;
  private baseUrl = '';

  constructor(private readonly protocol: WireProtocol) {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`test server failure: ${(error as Error).message}`);
      });
    });
  }

  /** `http://127.0.0.1:<port>` once listening. */
  get url(): string {
    return this.baseUrl;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The next request(s) fail with the provider's error shape for `status`. */
  failNext(spec: FailureSpec): void {
    const reply = this.protocol.failure(spec.status);
    this.queue.push({
      reply: { ...reply, headers: { ...reply.headers, ...spec.headers } },
      latencyMs: spec.latencyMs ?? 0,
      remaining: spec.times ?? 1,
    });
  }

  /** The next request gets exactly this reply (e.g. a malformed or unusual answer). */
  replyNext(reply: WireReply): void {
    this.queue.push({ reply, latencyMs: 0, remaining: 1 });
  }

  /** Forgets recorded requests and queued replies or failures, between tests sharing a server. */
  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  /** Every answer waits this long first (models latency and timeouts). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    this.requests.push(this.redact(request));
    const queued = this.queue[0];
    let reply: WireReply;
    let latency = this.latencyMs;
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining <= 0) this.queue.shift();
      reply = queued.reply;
      latency += queued.latencyMs;
    } else {
      reply = await this.protocol.handle(request);
    }
    if (latency > 0) await this.sleep(latency);
    if (res.destroyed) return;
    await write(res, reply);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private redact(request: WireRequest): RecordedRequest {
    const headers = { ...request.headers };
    for (const name of this.protocol.secretHeaders) {
      if (headers[name] !== undefined) headers[name] = redactValue(headers[name]);
    }
    const { method, path, query, body } = request;
    return { method, path, query, headers, body };
  }
}

/** Keeps the form of an auth header (scheme, SigV4 scope and signed headers) and drops the secret parts. */
function redactValue(value: string): string {
  if (value.startsWith('AWS4-HMAC-SHA256 ')) {
    return value.replace(/Credential=[^/,]+/, 'Credential=[redacted]').replace(/Signature=[0-9a-f]+/, 'Signature=[redacted]');
  }
  const scheme = /^(Bearer|Basic) /i.exec(value);
  return scheme ? `${scheme[1]} [redacted]` : '[redacted]';
}

async function readRequest(req: IncomingMessage): Promise<WireRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const request: WireRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: raw.length === 0 ? undefined : raw.toString('utf8'),
    rawBody: raw,
  };
  const type = headers['content-type'] ?? '';
  if (raw.length > 0 && type.includes('json')) {
    try {
      request.body = JSON.parse(raw.toString('utf8'));
    } catch {
      request.bodyError = 'invalid_json';
    }
  } else if (type.startsWith('multipart/form-data')) {
    request.body = await parseMultipart(raw, type);
  }
  return request;
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<MultipartBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const body: MultipartBody = { fields: {}, files: [] };
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      const existing = body.fields[field];
      body.fields[field] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    } else {
      body.files.push({ field, filename: value.name, type: value.type, size: value.size });
    }
  }
  return body;
}

async function write(res: ServerResponse, reply: WireReply): Promise<void> {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.json !== undefined) {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(reply.json));
    return;
  }
  res.writeHead(reply.status, headers);
  if (reply.chunks) {
    for (const chunk of reply.chunks) {
      if (res.destroyed) return;
      res.write(chunk);
      // Let each chunk leave as its own network write, as a real stream would.
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
    return;
  }
  res.end(reply.raw ?? '');
}

/**
 * Starts a protocol on 127.0.0.1 with a free port.
 *
 * @example
 * const server = await startWireServer(protocol);
 * try { await fetch(`${server.url}/v1/models`); } finally { await server.close(); }
 */
export async function startWireServer(protocol: WireProtocol): Promise<WireServer> {
  return new WireServer(protocol).listen();
}
