/**
 * The OpenAI wire protocol for tests: chat completions (plain, SSE streaming
 * ending in `data: [DONE]`, `response_format: json_schema` with strict
 * schema checks), embeddings, audio transcriptions (multipart,
 * `verbose_json`), moderations and image generation. Malformed requests get
 * OpenAI's error shape and messages.
 *
 * Flavours: `openai` (`/v1/…`, `Authorization: Bearer`), `azure`
 * (`/openai/v1/…`, or `/openai/deployments/{name}/…?api-version=…`, `api-key`
 * header, Azure's error shape) and `compatible` (a self-hosted server such as
 * vLLM: `/v1/…`, key optional, answers name the requested model).
 */
import { fixtureEvents, fixtureJson } from './fixtures.ts';
import { startWireServer, type MultipartBody, type WireProtocol, type WireReply, type WireRequest, type WireServer } from './wire-server.ts';

export interface OpenAIServerOptions {
  flavour?: 'openai' | 'azure' | 'compatible';
  /** The key the server accepts; omit (compatible flavour only) for a keyless server. */
  apiKey?: string;
}

const CHAT_PARAMS = new Set([
  'model', 'messages', 'store', 'metadata', 'frequency_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'max_tokens',
  'max_completion_tokens', 'n', 'modalities', 'prediction', 'audio', 'presence_penalty', 'reasoning_effort', 'response_format',
  'seed', 'service_tier', 'stop', 'stream', 'stream_options', 'temperature', 'top_p', 'tools', 'tool_choice',
  'parallel_tool_calls', 'user', 'web_search_options', 'verbosity', 'prompt_cache_key', 'safety_identifier',
]);
const EMBEDDING_PARAMS = new Set(['model', 'input', 'encoding_format', 'dimensions', 'user']);
const IMAGE_PARAMS = new Set([
  'model', 'prompt', 'n', 'size', 'quality', 'style', 'background', 'moderation', 'output_format', 'output_compression', 'response_format', 'user',
]);
const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'];
const IMAGE_SIZES: Record<string, string[]> = {
  'dall-e-2': ['256x256', '512x512', '1024x1024'],
  'dall-e-3': ['1024x1024', '1792x1024', '1024x1792'],
  'gpt-image': ['1024x1024', '1536x1024', '1024x1536', 'auto'],
};

/**
 * @example
 * const server = await startOpenAIServer({ apiKey: 'test-key' });
 * createOpenAI({ baseURL: `${server.url}/v1`, apiKey: 'test-key' });
 */
export function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<WireServer> {
  return startWireServer(openAIProtocol(options));
}

function openAIProtocol(options: OpenAIServerOptions = {}): WireProtocol {
  const flavour = options.flavour ?? 'openai';
  const error = (status: number, message: string, type = 'invalid_request_error', param: string | null = null, code: string | null = null): WireReply =>
    flavour === 'azure'
      ? { status, json: { error: { code: code ?? String(status), message, ...(param ? { param } : {}) } } }
      : { status, json: { error: { message, type, param, code } } };

  return {
    secretHeaders: ['authorization', 'api-key'],
    failure: (status) => failureReply(status, error),
    handle(request) {
      const route = routeOf(request, flavour);
      if ('reply' in route) return route.reply(error);
      const denied = checkAuth(request, flavour, options.apiKey, error);
      if (denied) return denied;
      if (request.method !== 'POST') return error(405, `Invalid method for URL (${request.method} ${request.path})`);
      if (request.bodyError) {
        return error(400, 'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)');
      }
      const echo = (fixtureModel: string) => (flavour === 'compatible' ? modelIn(request) ?? fixtureModel : fixtureModel);
      switch (route.endpoint) {
        case 'chat/completions':
          return chatCompletions(request, error, echo);
        case 'embeddings':
          return embeddings(request, error, echo);
        case 'audio/transcriptions':
          return transcriptions(request, error);
        case 'moderations':
          return moderations(request, error);
        case 'images/generations':
          return images(request, error, flavour);
        default:
          return error(404, `Invalid URL (POST ${request.path})`);
      }
    },
  };
}

type ErrorReply = (status: number, message: string, type?: string, param?: string | null, code?: string | null) => WireReply;

function routeOf(request: WireRequest, flavour: string): { endpoint: string } | { reply: (error: ErrorReply) => WireReply } {
  if (flavour !== 'azure') {
    const match = /^\/v1\/(.+)$/.exec(request.path);
    return match ? { endpoint: match[1] } : { reply: (error) => error(404, `Invalid URL (${request.method} ${request.path})`) };
  }
  const v1 = /^\/openai\/v1\/(.+)$/.exec(request.path);
  if (v1) return { endpoint: v1[1] };
  const deployment = /^\/openai\/deployments\/([^/]+)\/(.+)$/.exec(request.path);
  if (deployment && request.query['api-version']) return { endpoint: deployment[2] };
  return { reply: (error) => error(404, 'Resource not found', undefined, null, '404') };
}

function checkAuth(request: WireRequest, flavour: string, apiKey: string | undefined, error: ErrorReply): WireReply | null {
  if (flavour === 'azure') {
    if (request.headers['api-key'] === apiKey) return null;
    return error(401, 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.');
  }
  if (apiKey === undefined) return null;
  const header = request.headers.authorization;
  if (header === undefined) {
    return error(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
  }
  if (header !== `Bearer ${apiKey}`) return error(401, 'Incorrect API key provided.', 'invalid_request_error', null, 'invalid_api_key');
  return null;
}

function failureReply(status: number, error: ErrorReply): WireReply {
  if (status === 429) {
    return error(429, 'Rate limit reached for requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.', 'requests', null, 'rate_limit_exceeded');
  }
  if (status === 401) return error(401, 'Incorrect API key provided.', 'invalid_request_error', null, 'invalid_api_key');
  if (status === 400) return error(400, 'Invalid request.', 'invalid_request_error');
  if (status === 503) return error(503, 'The engine is currently overloaded, please try again later', 'server_error');
  return error(status, 'The server had an error while processing your request. Sorry about that!', 'server_error');
}

function modelIn(request: WireRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?.model === 'string' ? body.model : undefined;
}

function unknownParam(body: Record<string, unknown>, allowed: Set<string>): string | undefined {
  return Object.keys(body).find((key) => !allowed.has(key));
}

function chatCompletions(request: WireRequest, error: ErrorReply, echo: (model: string) => string): WireReply {
  const body = request.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null) return error(400, 'you must provide a model parameter');
  const unknown = unknownParam(body, CHAT_PARAMS);
  if (unknown) return error(400, `Unrecognized request argument supplied: ${unknown}`);
  if (typeof body.model !== 'string' || body.model === '') return error(400, 'you must provide a model parameter');
  if (!Array.isArray(body.messages)) return error(400, "Missing required parameter: 'messages'.", 'invalid_request_error', 'messages', 'missing_required_parameter');
  if (body.messages.length === 0) return error(400, "[] is too short - 'messages'", 'invalid_request_error', 'messages');
  for (const [index, message] of (body.messages as Record<string, unknown>[]).entries()) {
    if (!ROLES.includes(String(message?.role))) {
      return error(400, `Invalid value: '${String(message?.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, 'invalid_request_error', `messages[${index}].role`, 'invalid_value');
    }
    if (typeof message.content !== 'string' && !Array.isArray(message.content) && message.role !== 'assistant') {
      return error(400, `Invalid type for 'messages[${index}].content': expected one of a string or array of objects.`, 'invalid_request_error', `messages[${index}].content`, 'invalid_type');
    }
  }
  if (body.temperature !== undefined && (typeof body.temperature !== 'number' || body.temperature < 0 || body.temperature > 2)) {
    return error(400, `${String(body.temperature)} is not in [0, 2] - 'temperature'`, 'invalid_request_error', 'temperature');
  }
  for (const key of ['max_tokens', 'max_completion_tokens']) {
    if (body[key] !== undefined && (!Number.isInteger(body[key]) || (body[key] as number) < 1)) {
      return error(400, `Invalid '${key}': integer below minimum value.`, 'invalid_request_error', key, 'integer_below_min_value');
    }
  }
  if (body.store !== undefined && typeof body.store !== 'boolean') return error(400, "Invalid type for 'store': expected a boolean.", 'invalid_request_error', 'store', 'invalid_type');
  if (body.stream_options !== undefined && body.stream !== true) {
    return error(400, "The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'invalid_request_error', 'stream_options');
  }
  const format = body.response_format as Record<string, unknown> | undefined;
  if (format !== undefined) {
    const problem = responseFormatProblem(format);
    if (problem) return error(400, problem.message, 'invalid_request_error', problem.param);
  }

  if (body.stream === true) {
    const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    const chunks = fixtureEvents('openai-chat-stream.sse').flatMap((event) => {
      if (event.startsWith('data: [DONE]')) return [event];
      const chunk = JSON.parse(event.slice('data: '.length)) as Record<string, unknown>;
      if (!includeUsage && Array.isArray(chunk.choices) && chunk.choices.length === 0) return [];
      if (!includeUsage) delete chunk.usage;
      chunk.model = echo(String(chunk.model));
      return [`data: ${JSON.stringify(chunk)}\n\n`];
    });
    return { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, chunks };
  }
  const answer = fixtureJson(format?.type === 'json_schema' ? 'openai-chat-structured.json' : 'openai-chat-completion.json');
  answer.model = echo(String(answer.model));
  return { status: 200, json: answer };
}

function responseFormatProblem(format: Record<string, unknown>): { message: string; param: string } | null {
  if (!['text', 'json_object', 'json_schema'].includes(String(format.type))) {
    return { message: `Invalid value: '${String(format.type)}'. Supported values are: 'json_object', 'json_schema', and 'text'.`, param: 'response_format.type' };
  }
  if (format.type !== 'json_schema') return null;
  const spec = format.json_schema as Record<string, unknown> | undefined;
  if (typeof spec?.name !== 'string') return { message: "Missing required parameter: 'response_format.json_schema.name'.", param: 'response_format.json_schema.name' };
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name)) {
    return { message: `Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, param: 'response_format.json_schema.name' };
  }
  if (typeof spec.schema !== 'object' || spec.schema === null) return { message: "Missing required parameter: 'response_format.json_schema.schema'.", param: 'response_format.json_schema.schema' };
  if (spec.strict === true) {
    const problem = strictSchemaProblem(spec.schema as Record<string, unknown>, []);
    if (problem) return { message: `Invalid schema for response_format '${spec.name}': ${problem}`, param: 'response_format' };
  }
  return null;
}

/** Structured Outputs' strict mode: every object closed and every property required. */
function strictSchemaProblem(schema: Record<string, unknown>, context: string[]): string | null {
  const where = `In context=(${context.map((part) => `'${part}'`).join(', ')})`;
  if (schema.type === 'object' || schema.properties !== undefined) {
    if (schema.additionalProperties !== false) return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    const properties = Object.keys((schema.properties as Record<string, unknown>) ?? {});
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const missing = properties.find((key) => !required.includes(key));
    if (missing) return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    for (const key of properties) {
      const problem = strictSchemaProblem((schema.properties as Record<string, Record<string, unknown>>)[key], [...context, 'properties', key]);
      if (problem) return problem;
    }
  }
  if (typeof schema.items === 'object' && schema.items !== null) return strictSchemaProblem(schema.items as Record<string, unknown>, [...context, 'items']);
  return null;
}

function embeddings(request: WireRequest, error: ErrorReply, echo: (model: string) => string): WireReply {
  const body = request.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null) return error(400, "'input' is a required property");
  const unknown = unknownParam(body, EMBEDDING_PARAMS);
  if (unknown) return error(400, `Unrecognized request argument supplied: ${unknown}`);
  if (typeof body.model !== 'string') return error(400, 'you must provide a model parameter');
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.some((input) => typeof input !== 'string' || input === '')) {
    return error(400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", 'invalid_request_error', 'input');
  }
  if (body.encoding_format !== undefined && !['float', 'base64'].includes(String(body.encoding_format))) {
    return error(400, `Invalid value: '${String(body.encoding_format)}'. Supported values are: 'float' and 'base64'.`, 'invalid_request_error', 'encoding_format');
  }
  const recorded = fixtureJson<{ data: { embedding: number[] }[]; model: string; usage: unknown }>('openai-embeddings.json');
  return {
    status: 200,
    json: {
      object: 'list',
      data: inputs.map((_, index) => ({ object: 'embedding', index, embedding: recorded.data[index % recorded.data.length].embedding })),
      model: echo(recorded.model),
      usage: recorded.usage,
    },
  };
}

function transcriptions(request: WireRequest, error: ErrorReply): WireReply {
  if (!(request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    return error(400, "Invalid Content-Type header (application/json), expected multipart/form-data. (HINT: If you're using curl, you can pass -H 'Content-Type: multipart/form-data')");
  }
  const form = request.body as MultipartBody;
  if (!form.files.some((file) => file.field === 'file')) return error(400, "Missing required parameter: 'file'.", 'invalid_request_error', 'file', 'missing_required_parameter');
  if (typeof form.fields.model !== 'string') return error(400, "Missing required parameter: 'model'.", 'invalid_request_error', 'model', 'missing_required_parameter');
  const format = typeof form.fields.response_format === 'string' ? form.fields.response_format : 'json';
  if (!['json', 'text', 'srt', 'verbose_json', 'vtt'].includes(format)) {
    return error(400, `Invalid value: '${format}'. Supported values are: 'json', 'text', 'srt', 'verbose_json', and 'vtt'.`, 'invalid_request_error', 'response_format');
  }
  if (form.fields['timestamp_granularities[]'] !== undefined && format !== 'verbose_json') {
    return error(400, 'timestamp_granularities is only supported with response_format=verbose_json', 'invalid_request_error', 'timestamp_granularities');
  }
  const recorded = fixtureJson<{ text: string }>('openai-transcription-verbose.json');
  if (format === 'verbose_json') return { status: 200, json: recorded };
  if (format === 'json') return { status: 200, json: { text: recorded.text } };
  return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, raw: recorded.text };
}

function moderations(request: WireRequest, error: ErrorReply): WireReply {
  const body = request.body as Record<string, unknown> | undefined;
  const input = body?.input;
  if (input === undefined) return error(400, "Missing required parameter: 'input'.", 'invalid_request_error', 'input', 'missing_required_parameter');
  const items = Array.isArray(input) ? input : [input];
  if (items.length === 0) return error(400, "[] is too short - 'input'", 'invalid_request_error', 'input');
  for (const [index, item] of items.entries()) {
    if (typeof item === 'string') continue;
    const part = item as Record<string, unknown>;
    const valid =
      (part?.type === 'text' && typeof part.text === 'string') ||
      (part?.type === 'image_url' && /^(data:image\/(png|jpeg|gif|webp);base64,|https?:)/.test(String((part.image_url as Record<string, unknown>)?.url)));
    if (!valid) return error(400, `Invalid value for 'input[${index}]'.`, 'invalid_request_error', `input[${index}]`, 'invalid_value');
  }
  return { status: 200, json: fixtureJson('openai-moderation.json') };
}

function images(request: WireRequest, error: ErrorReply, flavour: string): WireReply {
  const body = request.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || typeof body.prompt !== 'string' || body.prompt === '') {
    return error(400, "Missing required parameter: 'prompt'.", 'invalid_request_error', 'prompt', 'missing_required_parameter');
  }
  const unknown = unknownParam(body, IMAGE_PARAMS);
  if (unknown) return error(400, `Unknown parameter: '${unknown}'.`, 'invalid_request_error', unknown, 'unknown_parameter');
  if (body.n !== undefined && (!Number.isInteger(body.n) || (body.n as number) < 1 || (body.n as number) > 10)) {
    return error(400, `Invalid 'n': integer out of range.`, 'invalid_request_error', 'n');
  }
  const model = String(body.model ?? 'dall-e-2');
  // Model-specific rules are OpenAI's; self-hosted servers have their own model names.
  if (flavour === 'compatible') return { status: 200, json: fixtureJson('openai-image.json') };
  if (model.startsWith('gpt-image') && body.response_format !== undefined) {
    return error(400, "Unknown parameter: 'response_format'.", 'invalid_request_error', 'response_format', 'unknown_parameter');
  }
  const family = model.startsWith('gpt-image') ? 'gpt-image' : model;
  const sizes = IMAGE_SIZES[family];
  if (body.size !== undefined && sizes && !sizes.includes(String(body.size))) {
    return error(400, `Invalid value: '${String(body.size)}'. Supported values are: ${sizes.map((s) => `'${s}'`).join(', ')}.`, 'invalid_request_error', 'size', 'invalid_value');
  }
  return { status: 200, json: fixtureJson('openai-image.json') };
}

/**
 * A chat completion answering with `content` (a JSON value is serialised, as
 * structured output arrives), for `WireServer.replyNext`.
 *
 * @example
 * server.replyNext(chatCompletionReply({ answer: 'Friday', covered: true, segments: [1] }));
 */
export function chatCompletionReply(content: unknown, options: { model?: string; usage?: { prompt_tokens: number; completion_tokens: number } } = {}): WireReply {
  const usage = options.usage ?? { prompt_tokens: 420, completion_tokens: 60 };
  const recorded = fixtureJson('openai-chat-completion.json') as Record<string, unknown> & { choices: Record<string, unknown>[] };
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return {
    status: 200,
    json: {
      ...recorded,
      ...(options.model ? { model: options.model } : {}),
      choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}
