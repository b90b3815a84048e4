/**
 * Anthropic's Messages API for tests: `POST /v1/messages` with `x-api-key`
 * and `anthropic-version` headers, plain answers, the streaming event
 * sequence (`message_start`, `content_block_start`, `ping`,
 * `content_block_delta`…, `content_block_stop`, `message_delta`,
 * `message_stop`) and forced tool use for structured output. Malformed
 * requests get Anthropic's error shape (`{type: 'error', error: {type, message}}`).
 */
import { fixtureEvents, fixtureJson } from './fixtures.ts';
import { startWireServer, type WireProtocol, type WireReply, type WireRequest, type WireServer } from './wire-server.ts';

const PARAMS = new Set([
  'model', 'messages', 'max_tokens', 'system', 'metadata', 'stop_sequences', 'stream', 'temperature', 'top_p', 'top_k',
  'tools', 'tool_choice', 'thinking', 'service_tier', 'container', 'mcp_servers', 'output_config', 'context_management',
]);
const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const error = (status: number, message: string, type = ERROR_TYPES[status] ?? 'api_error'): WireReply => ({
  status,
  headers: { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' },
  json: { type: 'error', error: { type, message } },
});

/**
 * @example
 * const server = await startAnthropicServer({ apiKey: 'test-key' });
 * createAnthropic({ baseURL: `${server.url}/v1`, apiKey: 'test-key' });
 */
export function startAnthropicServer(options: { apiKey: string }): Promise<WireServer> {
  return startWireServer(anthropicProtocol(options));
}

function anthropicProtocol(options: { apiKey: string }): WireProtocol {
  return {
    secretHeaders: ['x-api-key', 'authorization'],
    failure: (status) => error(status, status === 529 ? 'Overloaded' : status === 429 ? 'Number of request tokens has exceeded your per-minute rate limit' : 'Internal server error'),
    handle(request) {
      if (request.path !== '/v1/messages') return error(404, `Not Found`);
      if (request.headers['x-api-key'] === undefined) return error(401, 'x-api-key header is required');
      if (request.headers['x-api-key'] !== options.apiKey) return error(401, 'invalid x-api-key');
      if (request.headers['anthropic-version'] === undefined) return error(400, 'anthropic-version: header is required');
      if (request.method !== 'POST') return error(405, 'Method Not Allowed', 'invalid_request_error');
      if (request.bodyError || typeof request.body !== 'object' || request.body === null) return error(400, 'Invalid JSON in request body');
      const problem = validate(request.body as Record<string, unknown>);
      if (problem) return error(400, problem);
      return answer(request);
    },
  };
}

function validate(body: Record<string, unknown>): string | null {
  const extra = Object.keys(body).find((key) => !PARAMS.has(key));
  if (extra) return `${extra}: Extra inputs are not permitted`;
  if (typeof body.model !== 'string') return 'model: Field required';
  if (body.max_tokens === undefined) return 'max_tokens: Field required';
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) return 'max_tokens: Input should be greater than or equal to 1';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: at least one message is required';
  for (const [index, message] of (body.messages as Record<string, unknown>[]).entries()) {
    if (message?.role === 'system') {
      return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
    }
    if (message?.role !== 'user' && message?.role !== 'assistant') return `messages.${index}.role: Input should be 'user' or 'assistant'`;
    const content = message.content;
    const empty = typeof content === 'string' ? content.length === 0 : !Array.isArray(content) || content.length === 0;
    if (empty) return `messages.${index}: all messages must have non-empty content except for the optional final assistant message`;
  }
  if (body.system !== undefined && typeof body.system !== 'string' && !Array.isArray(body.system)) return 'system: Input should be a valid string';
  if (body.temperature !== undefined && (typeof body.temperature !== 'number' || body.temperature < 0 || body.temperature > 1)) {
    return 'temperature: Input should be less than or equal to 1';
  }
  const tools = (body.tools ?? []) as Record<string, unknown>[];
  if (!Array.isArray(tools)) return 'tools: Input should be a valid list';
  for (const [index, tool] of tools.entries()) {
    if (typeof tool.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) return `tools.${index}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`;
    if ((tool.input_schema as Record<string, unknown> | undefined)?.type !== 'object') return `tools.${index}.custom.input_schema.type: Input should be 'object'`;
  }
  const choice = body.tool_choice as Record<string, unknown> | undefined;
  if (choice !== undefined) {
    if (!['auto', 'any', 'tool', 'none'].includes(String(choice.type))) return "tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'";
    if (tools.length === 0 && choice.type !== 'none') return 'tool_choice may only be specified while providing tools.';
    if (choice.type === 'tool' && !tools.some((tool) => tool.name === choice.name)) return `tool_choice.name: Tool '${String(choice.name)}' not found in provided tools`;
  }
  const format = (body.output_config as Record<string, unknown> | undefined)?.format as Record<string, unknown> | undefined;
  if (format !== undefined && (format.type !== 'json_schema' || typeof format.schema !== 'object')) return "output_config.format: Input should be a valid json_schema format";
  return null;
}

function answer(request: WireRequest): WireReply {
  const body = request.body as Record<string, unknown>;
  if (body.stream === true) {
    return { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' }, chunks: fixtureEvents('anthropic-messages-stream.sse') };
  }
  const tools = (body.tools ?? []) as { name: string }[];
  const choice = body.tool_choice as { type: string; name?: string } | undefined;
  const recorded = fixtureJson<{ content: { name?: string; input?: unknown }[] }>('anthropic-message-tool-use.json');
  if (choice && (choice.type === 'any' || choice.type === 'tool')) {
    recorded.content[0].name = choice.name ?? tools[0].name;
    return { status: 200, json: recorded };
  }
  if ((body.output_config as Record<string, unknown> | undefined)?.format !== undefined) {
    const message = fixtureJson<Record<string, unknown>>('anthropic-message.json');
    message.content = [{ type: 'text', text: JSON.stringify(recorded.content[0].input) }];
    return { status: 200, json: message };
  }
  return { status: 200, json: fixtureJson('anthropic-message.json') };
}
