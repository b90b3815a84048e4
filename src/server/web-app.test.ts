import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Hono } from 'hono';
import { webApp } from './web-app.ts';

describe('web app serving', () => {
  let base: string;
  let dir: string;
  let app: Hono;

  before(() => {
    base = mkdtempSync(join(tmpdir(), 'confer-web-'));
    dir = join(base, 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Confer</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{}');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    writeFileSync(join(base, 'secret.txt'), 'outside');
    app = new Hono();
    app.use('*', webApp(dir));
    app.get('/v1/health', (c) => c.json({ status: 'ok' }));
    app.notFound((c) => c.json({ error: { code: 'not_found' } }, 404));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('serves hashed assets with their content type, cached for a year', async () => {
    const js = await app.request('/assets/index-abc123.js');
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(js.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await js.text(), 'console.log(1)');
    assert.equal((await app.request('/assets/index-abc123.css')).headers.get('content-type'), 'text/css; charset=utf-8');
    const icon = await app.request('/favicon.svg');
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
    assert.equal(icon.headers.get('cache-control'), 'public, max-age=3600');
  });

  it('answers every other page with index.html, never cached, with a content security policy', async () => {
    for (const path of ['/', '/meetings/mtg_1', '/tasks?status=open', '/index.html']) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.match(await res.text(), /<title>Confer<\/title>/);
    }
  });

  it('leaves the API alone', async () => {
    assert.deepEqual(await (await app.request('/v1/health')).json(), { status: 'ok' });
    const missing = await app.request('/v1/nothing');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), 'application/json');
    assert.equal((await app.request('/', { method: 'POST' })).status, 404);
  });

  it('does not answer a missing asset with HTML', async () => {
    const res = await app.request('/assets/index-old.js');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
  });

  it('never serves files outside the build', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await app.request(path);
      assert.doesNotMatch(await res.text(), /outside/, path);
    }
    assert.equal((await app.request('/%E0%A4%A')).status, 400);
  });

  it('explains how to build the app when it is missing', async () => {
    const bare = new Hono();
    bare.use('*', webApp(join(dir, 'nowhere')));
    const res = await bare.request('/');
    assert.equal(res.status, 503);
    assert.match(await res.text(), /npm run build:web/);
  });
});
