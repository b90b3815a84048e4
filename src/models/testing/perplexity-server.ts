/**
 * Perplexity's chat completions for tests: `POST /chat/completions` with a
 * Bearer key, answers carrying `citations` and `search_results`, SSE
 * streaming, and `response_format: json_schema`. Perplexity's own rules are
 * enforced (known Sonar models, alternating user/assistant turns after
 * optional system messages) with its error shape
 * (`{error: {message, type, code}}`).
 */
import { fixtureEvents, fixtureJson } from './fixtures.ts';
import { startWireServer, type WireProtocol, type WireReply, type WireServer } from './wire-server.ts';

const MODELS = ['sonar', 'sonar-pro', 'sonar-reasoning', 'sonar-reasoning-pro', 'sonar-deep-research'];

const error = (status: number, message: string, type: string): WireReply => ({ status, json: { error: { message, type, code: status } } });

/**
 * @example
 * const server = await startPerplexityServer({ apiKey: 'pplx-test' });
 * createPerplexity({ baseURL: server.url, apiKey: 'pplx-test' });
 */
export function startPerplexityServer(options: { apiKey: string }): Promise<WireServer> {
  return startWireServer(perplexityProtocol(options));
}

function perplexityProtocol(options: { apiKey: string }): WireProtocol {
  return {
    secretHeaders: ['authorization'],
    failure: (status) =>
      status === 429 ? error(429, 'Rate limit exceeded. Please try again later.', 'rate_limit_exceeded') : error(status, 'Internal server error', 'internal_server_error'),
    handle(request) {
      if (request.path !== '/chat/completions') return error(404, 'Not Found', 'not_found');
      if (request.headers.authorization !== `Bearer ${options.apiKey}`) return error(401, 'Invalid API key provided.', 'invalid_api_key');
      if (request.bodyError || typeof request.body !== 'object' || request.body === null) return error(400, 'Invalid JSON payload', 'invalid_request');
      const body = request.body as Record<string, unknown>;
      if (!MODELS.includes(String(body.model))) {
        return error(400, `Invalid model '${String(body.model)}'. Permitted models can be found in the documentation at https://docs.perplexity.ai/getting-started/models.`, 'invalid_model');
      }
      if (!Array.isArray(body.messages) || body.messages.length === 0) return error(400, 'messages must be a non-empty list', 'invalid_message');
      const roles = (body.messages as { role?: string }[]).map((message) => message.role).filter((role) => role !== 'system');
      const alternating = roles.every((role, index) => role === (index % 2 === 0 ? 'user' : 'assistant')) && roles.at(-1) === 'user';
      if (!alternating) {
        return error(400, 'After the (optional) system message(s), user and assistant roles should be alternating.', 'invalid_message');
      }
      const format = body.response_format as Record<string, unknown> | undefined;
      if (format !== undefined && (format.type !== 'json_schema' || typeof (format.json_schema as Record<string, unknown>)?.schema !== 'object')) {
        return error(400, 'response_format must be {type: "json_schema", json_schema: {schema: {...}}}', 'invalid_parameter');
      }
      if (body.stream === true) {
        return { status: 200, headers: { 'content-type': 'text/event-stream' }, chunks: fixtureEvents('perplexity-chat-stream.sse') };
      }
      return { status: 200, json: fixtureJson(format ? 'perplexity-chat-structured.json' : 'perplexity-chat-completion.json') };
    },
  };
}
