/**
 * Amazon Bedrock runtime for tests: the Converse API
 * (`POST /model/{modelId}/converse`, and `/converse-stream` answering in the
 * AWS event-stream binary framing) and `POST /model/{modelId}/invoke` for
 * Titan text embeddings. Every request must carry a SigV4 `Authorization`
 * header whose signature verifies against the configured credentials and
 * whose scope names the server's region and the `bedrock` service. Errors
 * have Bedrock's shape: `{message}` with the exception in `x-amzn-ErrorType`.
 */
import { createHash, createHmac } from 'node:crypto';
import { fixtureJson } from './fixtures.ts';
import { startWireServer, type WireProtocol, type WireReply, type WireRequest, type WireServer } from './wire-server.ts';

export interface BedrockServerOptions {
  /** AWS region the endpoint serves, e.g. `eu-central-1`. */
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry it as `x-amz-security-token`. */
  sessionToken?: string;
}

const EXCEPTIONS: Record<number, string> = {
  400: 'ValidationException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  408: 'ModelTimeoutException',
  424: 'ModelErrorException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
};
const CONVERSE_FIELDS = new Set([
  'messages', 'system', 'inferenceConfig', 'toolConfig', 'guardrailConfig', 'additionalModelRequestFields',
  'additionalModelResponseFieldPaths', 'promptVariables', 'requestMetadata', 'performanceConfig', 'serviceTier',
]);
const TITAN_FIELDS = new Set(['inputText', 'dimensions', 'normalize', 'embeddingTypes']);

const error = (status: number, message: string, exception = EXCEPTIONS[status] ?? 'InternalServerException'): WireReply => ({
  status,
  headers: {
    'x-amzn-errortype': `${exception}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    'x-amzn-requestid': '6f1d3a8e-2c4b-4f7a-9b1e-5d8c7a6b4e3f',
  },
  json: { message },
});

/**
 * @example
 * const server = await startBedrockServer({ region: 'eu-central-1', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' });
 * createAmazonBedrock({ baseURL: server.url, region: 'eu-central-1', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' });
 */
export function startBedrockServer(options: BedrockServerOptions): Promise<WireServer> {
  return startWireServer(bedrockProtocol(options));
}

function bedrockProtocol(options: BedrockServerOptions): WireProtocol {
  return {
    secretHeaders: ['authorization', 'x-amz-security-token'],
    failure: (status) =>
      error(status, status === 429 ? 'Too many requests, please wait before trying again.' : status === 503 ? 'Bedrock is unable to process your request.' : 'The server encountered an error processing your request.'),
    handle(request) {
      const denied = authProblem(request, options);
      if (denied) return denied;
      const route = /^\/model\/([^/]+)\/(converse|converse-stream|invoke)$/.exec(request.path);
      if (!route || request.method !== 'POST') return error(404, 'The requested resource could not be found.', 'UnknownOperationException');
      if (request.bodyError || typeof request.body !== 'object' || request.body === null) return error(400, 'Malformed input request, please reformat your input and try again.');
      const modelId = decodeURIComponent(route[1]);
      const body = request.body as Record<string, unknown>;
      if (route[2] === 'invoke') return invoke(modelId, body);
      const problem = converseProblem(body);
      if (problem) return error(400, problem);
      return route[2] === 'converse' ? converse(body) : converseStream();
    },
  };
}

function authProblem(request: WireRequest, options: BedrockServerOptions): WireReply | null {
  const header = request.headers.authorization;
  if (header === undefined) return error(403, 'Missing Authentication Token', 'MissingAuthenticationTokenException');
  const parts = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(header);
  if (!parts) return error(403, "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.", 'IncompleteSignatureException');
  const [, keyId, date, region, service, signedHeaders, signature] = parts;
  const amzDate = request.headers['x-amz-date'];
  if (!amzDate || !amzDate.startsWith(date)) return error(403, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: 'x-amz-date'.", 'IncompleteSignatureException');
  if (keyId !== options.accessKeyId) return error(403, 'The security token included in the request is invalid.', 'UnrecognizedClientException');
  if (region !== options.region) return error(403, `Credential should be scoped to a valid region. `, 'InvalidSignatureException');
  if (service !== 'bedrock') return error(403, `Credential should be scoped to correct service: 'bedrock'. `, 'InvalidSignatureException');
  if (options.sessionToken !== undefined && request.headers['x-amz-security-token'] !== options.sessionToken) {
    return error(403, 'The security token included in the request is invalid.', 'UnrecognizedClientException');
  }
  const signed = signedHeaders.split(';');
  if (!signed.includes('host') || !signed.includes('x-amz-date')) return error(403, "'Host' or 'x-amz-date' must be a 'SignedHeader' in the AWS Authorization.", 'IncompleteSignatureException');
  if (sign(request, { date, region, service, signed, secretAccessKey: options.secretAccessKey, amzDate }) !== signature) {
    return error(403, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.', 'InvalidSignatureException');
  }
  return null;
}

/** SigV4 as AWS specifies it for services other than S3 (path segments encoded twice). */
function sign(
  request: WireRequest,
  scope: { date: string; region: string; service: string; signed: string[]; secretAccessKey: string; amzDate: string },
): string {
  const canonicalUri = request.path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  const canonicalQuery = Object.entries(request.query)
    .map(([key, value]) => [encodeURIComponent(key), encodeURIComponent(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map((pair) => pair.join('='))
    .join('&');
  const canonicalHeaders = scope.signed.map((name) => `${name}:${(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payloadHash = createHash('sha256').update(request.rawBody).digest('hex');
  const canonicalRequest = [request.method, canonicalUri, canonicalQuery, canonicalHeaders, scope.signed.join(';'), payloadHash].join('\n');
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', scope.amzDate, credentialScope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const key = [scope.date, scope.region, scope.service, 'aws4_request'].reduce<Buffer | string>(
    (k, part) => createHmac('sha256', k).update(part).digest(),
    `AWS4${scope.secretAccessKey}`,
  );
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

function converseProblem(body: Record<string, unknown>): string | null {
  const extra = Object.keys(body).find((key) => !CONVERSE_FIELDS.has(key));
  if (extra) return `Malformed input request: extraneous key [${extra}] is not permitted, please reformat your input and try again.`;
  const messages = body.messages as { role?: string; content?: unknown }[] | undefined;
  if (!Array.isArray(messages) || messages.length === 0) return 'The messages field is required and must contain at least one message.';
  if (messages[0].role !== 'user') return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  for (const [index, message] of messages.entries()) {
    if (index > 0 && message.role === messages[index - 1].role) {
      return 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.';
    }
    if (!Array.isArray(message.content) || message.content.length === 0) {
      return `The content field in the Message object at messages.${index} is empty. Add a ContentBlock object to the content field and try again.`;
    }
    for (const block of message.content as Record<string, unknown>[]) {
      if (Object.keys(block).length !== 1) return `messages.${index}.content: each ContentBlock must hold exactly one member.`;
    }
  }
  if (body.system !== undefined && (!Array.isArray(body.system) || (body.system as Record<string, unknown>[]).some((block) => typeof block.text !== 'string' && block.cachePoint === undefined))) {
    return 'system: each SystemContentBlock must hold text.';
  }
  const config = body.inferenceConfig as Record<string, unknown> | undefined;
  if (config?.maxTokens !== undefined && (!Number.isInteger(config.maxTokens) || (config.maxTokens as number) < 1)) {
    return '1 validation error detected: Value at \'inferenceConfig.maxTokens\' failed to satisfy constraint: Member must have value greater than or equal to 1';
  }
  if (config?.temperature !== undefined && (typeof config.temperature !== 'number' || config.temperature < 0 || config.temperature > 1)) {
    return '1 validation error detected: Value at \'inferenceConfig.temperature\' failed to satisfy constraint: Member must have value less than or equal to 1';
  }
  const toolConfig = body.toolConfig as { tools?: { toolSpec?: { name?: string; inputSchema?: { json?: unknown } } }[]; toolChoice?: Record<string, unknown> } | undefined;
  if (toolConfig !== undefined) {
    if (!Array.isArray(toolConfig.tools) || toolConfig.tools.length === 0) return 'The toolConfig field must contain at least one tool.';
    for (const tool of toolConfig.tools) {
      if (typeof tool.toolSpec?.name !== 'string' || typeof tool.toolSpec.inputSchema?.json !== 'object') return 'Each tool must have a toolSpec with a name and an inputSchema.json.';
    }
    const choice = toolConfig.toolChoice;
    if (choice !== undefined && !('auto' in choice || 'any' in choice || 'tool' in choice)) return 'toolChoice must be one of auto, any or tool.';
  }
  return null;
}

function converse(body: Record<string, unknown>): WireReply {
  const toolConfig = body.toolConfig as { tools: { toolSpec: { name: string } }[]; toolChoice?: { any?: object; tool?: { name: string } } } | undefined;
  const forced = toolConfig?.toolChoice && ('any' in toolConfig.toolChoice || 'tool' in toolConfig.toolChoice);
  if (!toolConfig || !forced) return { status: 200, json: fixtureJson('bedrock-converse.json') };
  const answer = fixtureJson<{ output: { message: { content: { toolUse: { name: string } }[] } } }>('bedrock-converse-tool-use.json');
  answer.output.message.content[0].toolUse.name = toolConfig.toolChoice?.tool?.name ?? toolConfig.tools[0].toolSpec.name;
  return { status: 200, json: answer };
}

function converseStream(): WireReply {
  const events = fixtureJson<{ event: string; payload: Record<string, unknown> }[]>('bedrock-converse-stream.json');
  return {
    status: 200,
    headers: { 'content-type': 'application/vnd.amazon.eventstream' },
    // Bedrock pads every event with a `p` field so that sizes do not reveal content.
    chunks: events.map(({ event, payload }) => encodeEvent(event, { ...payload, p: 'abcdefghijklmnopqrstuvwxyz'.slice(0, 10) })),
  };
}

function invoke(modelId: string, body: Record<string, unknown>): WireReply {
  if (!modelId.startsWith('amazon.titan-embed-text')) return error(400, 'The provided model identifier is invalid.');
  const extra = Object.keys(body).find((key) => !TITAN_FIELDS.has(key));
  if (extra) return error(400, `Malformed input request: extraneous key [${extra}] is not permitted, please reformat your input and try again.`);
  if (typeof body.inputText !== 'string' || body.inputText === '') return error(400, 'Malformed input request: #: required key [inputText] not found, please reformat your input and try again.');
  return { status: 200, headers: { 'x-amzn-bedrock-input-token-count': '7' }, json: fixtureJson('bedrock-titan-embedding.json') };
}

/**
 * One message of the AWS event-stream framing: total length, headers
 * length, prelude CRC, string headers, JSON payload, message CRC.
 */
function encodeEvent(eventType: string, payload: unknown): Uint8Array {
  const headers = Buffer.concat(
    [
      [':event-type', eventType],
      [':content-type', 'application/json'],
      [':message-type', 'event'],
    ].map(([name, value]) => {
      const nameBytes = Buffer.from(name);
      const valueBytes = Buffer.from(value);
      const header = Buffer.alloc(1 + nameBytes.length + 1 + 2 + valueBytes.length);
      header.writeUInt8(nameBytes.length, 0);
      nameBytes.copy(header, 1);
      header.writeUInt8(7, 1 + nameBytes.length); // 7 = string
      header.writeUInt16BE(valueBytes.length, 2 + nameBytes.length);
      valueBytes.copy(header, 4 + nameBytes.length);
      return header;
    }),
  );
  const body = Buffer.from(JSON.stringify(payload));
  const total = 12 + headers.length + body.length + 4;
  const message = Buffer.alloc(total);
  message.writeUInt32BE(total, 0);
  message.writeUInt32BE(headers.length, 4);
  message.writeUInt32BE(crc32(message.subarray(0, 8)), 8);
  headers.copy(message, 12);
  body.copy(message, 12 + headers.length);
  message.writeUInt32BE(crc32(message.subarray(0, total - 4)), total - 4);
  return message;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
