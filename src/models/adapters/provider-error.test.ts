import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRetryableStatus, providerHttpError } from './provider-error.ts';

test('retryable statuses: timeouts, conflicts, rate limits and server failures', () => {
  const retryable = [400, 401, 403, 404, 408, 409, 413, 422, 425, 429, 500, 502, 503, 504, 529].filter(isRetryableStatus);
  assert.deepEqual(retryable, [408, 409, 425, 429, 500, 502, 503, 504, 529]);
});

test('only identifier-like error types are kept; free text from the provider never is', () => {
  const quoting = providerHttpError('p', 400, JSON.stringify({ error: { message: 'Invalid value: "my secret prompt"', code: 'the prompt "my secret prompt" is bad', type: 'invalid_request_error' } }), {});
  assert.equal(quoting.details?.errorType, 'invalid_request_error');
  assert.ok(!JSON.stringify(quoting.toJSON()).includes('my secret prompt'));
  const html = providerHttpError('p', 502, '<html>Bad gateway</html>', {});
  assert.deepEqual(html.details, { provider: 'p', status: 502 });
  assert.equal(html.message, 'provider p answered HTTP 502');
});

test('the AWS error type comes from the x-amzn-ErrorType header', () => {
  const error = providerHttpError('b', 429, '{"message":"Too many requests"}', { 'X-Amzn-ErrorType': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/' });
  assert.equal(error.details?.errorType, 'ThrottlingException');
});

test('Retry-After in milliseconds, seconds or as a date', () => {
  assert.equal(providerHttpError('p', 429, undefined, { 'retry-after-ms': '350' }).details?.retryAfterMs, 350);
  assert.equal(providerHttpError('p', 429, undefined, { 'retry-after': '3' }).details?.retryAfterMs, 3000);
  const date = providerHttpError('p', 503, undefined, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).details?.retryAfterMs as number;
  assert.ok(date > 55_000 && date <= 60_000);
  assert.equal('retryAfterMs' in (providerHttpError('p', 503, undefined, { 'retry-after': 'soon' }).details ?? {}), false);
});
