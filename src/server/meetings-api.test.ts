import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { systemClock } from '../core/clock.ts';
import { issueToken } from '../governance/tokens.ts';
import { REQUEST_BODY_LIMIT } from './app.ts';
import { startServer, type RunningServer } from './serve.ts';

const VTT = `WEBVTT

NOTE
title: Vendor review
date: 2026-03-04T10:00:00Z

00:00:00.000 --> 00:00:05.000
<v Priya Nair>We agreed to go with Fabrikam for the support contract.

00:00:05.000 --> 00:00:10.000
<v Tom Becker>I'll draft the purchase order by Friday.

00:00:10.000 --> 00:00:16.000
<v Priya Nair>The vendors on the shortlist were Northwind, Contoso and Fabrikam.
`;

describe('meetings API over HTTP', () => {
  let world: TestWorld;
  let server: RunningServer;
  let token: string;
  let memberToken: string;
  let foreignToken: string;
  let meetingId: string;

  const call = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    const bearer = init.token === undefined ? token : init.token;
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    return fetch(server.url + path, { ...init, headers });
  };
  const upload = (content: string | Blob, filename = 'review.vtt', t?: string | null) => {
    const form = new FormData();
    form.set('file', content instanceof Blob ? content : new Blob([content]), filename);
    return call('/v1/meetings', { method: 'POST', body: form, token: t });
  };

  before(async () => {
    // Real time: the in-process worker's leases run on the wall clock.
    world = await createTestWorld({ clock: systemClock });
    server = await startServer(world.services, { host: '127.0.0.1', port: 0, worker: true });
    token = world.ownerToken;
    const member = await world.addUser();
    memberToken = (await issueToken(world.services.store, systemClock, { accountId: world.account.id, userId: member.id, name: 'member' })).token;
    foreignToken = (await world.addAccount()).token;
  });
  after(async () => {
    await server.close();
    await world.close();
  });

  it('rejects requests without a valid token (401)', async () => {
    const none = await call('/v1/meetings', { token: null });
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /Bearer/);
    assert.equal(((await none.json()) as any).error.code, 'unauthenticated');
    assert.equal((await call('/v1/meetings', { token: 'cfr_not-a-real-token' })).status, 401);
    assert.equal((await call('/v1/meetings', { headers: { authorization: 'Basic abc' }, token: null })).status, 401);
  });

  it('stores an uploaded transcript (201), and recognises the same file again (200)', async () => {
    const res = await upload(VTT);
    assert.equal(res.status, 201);
    const body: any = await res.json();
    assert.equal(body.created, true);
    assert.equal(body.meeting.title, 'Vendor review');
    assert.equal(body.meeting.segments, 3);
    assert.deepEqual(body.meeting.participants, ['Priya Nair', 'Tom Becker']);
    meetingId = body.meeting.id;
    const again = await upload(VTT);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as any).meeting.id, meetingId);
  });

  it('summarises the meeting in the background', async () => {
    let res: Response | undefined;
    for (let i = 0; i < 100; i++) {
      res = await call(`/v1/meetings/${meetingId}/summary`);
      if (res.status === 200) break;
      assert.equal(res.status, 202);
      await sleep(50);
    }
    assert.equal(res?.status, 200);
    const body: any = await res!.json();
    assert.equal(body.meetingId, meetingId);
    const action = body.summary.actionItems[0];
    assert.equal(action.owner, 'Tom Becker');
    assert.equal(action.due, '2026-03-06');
    assert.deepEqual(action.citations[0], { artifactId: meetingId, segment: 1, start: 5, end: 10, speaker: 'Tom Becker' });
    assert.ok(body.summary.decisions.some((d: { text: string }) => /Fabrikam/.test(d.text)));
  });

  it('accepts JSON segments', async () => {
    const res = await call('/v1/meetings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Standup', date: '2026-03-05T09:00:00Z', segments: [{ speaker: 'Ann', start: 0, end: 3, text: 'I will fix the login bug today.' }] }),
    });
    assert.equal(res.status, 201);
    const body: any = await res.json();
    assert.equal(body.meeting.title, 'Standup');
    assert.equal(body.meeting.startedAt, '2026-03-05T09:00:00.000Z');
  });

  it('lists meetings with pagination and full-text search', async () => {
    const page = (await (await call('/v1/meetings?limit=1')).json()) as any;
    assert.equal(page.total, 2);
    assert.equal(page.items.length, 1);
    assert.equal(page.limit, 1);
    const second = (await (await call('/v1/meetings?limit=1&offset=1')).json()) as any;
    assert.notEqual(second.items[0].id, page.items[0].id);
    // Indexing runs as a job; wait for it.
    let found;
    for (let i = 0; i < 100; i++) {
      found = (await (await call('/v1/meetings?q=shortlist')).json()) as any;
      if (found.total > 0) break;
      await sleep(50);
    }
    assert.deepEqual(found.items.map((m: { id: string }) => m.id), [meetingId]);
    const bad = await call('/v1/meetings?limit=500');
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as any).error.fields[0].path, 'limit');
    assert.equal(((await (await call('/v1/meetings?q=%20')).json()) as any).total, page.total, 'an empty search is no search');
    const control = 'must not contain control characters (such as NUL, tab or a line break)';
    for (const [query, field, message] of [
      ['participant=%00', 'participant', control],
      ['q=%00', 'q', control],
      ['q=%22%27(', 'q', 'search with at least one word made of letters or digits'],
    ]) {
      const refused = await call(`/v1/meetings?${query}`);
      assert.equal(refused.status, 400, query);
      assert.deepEqual(((await refused.json()) as any).error.fields, [{ path: field, message }], query);
    }
    for (const query of ['limit=1&limit=2', 'q=a&q=b']) {
      const twice = await call(`/v1/meetings?${query}`);
      assert.equal(twice.status, 400);
      const name = query.slice(0, query.indexOf('='));
      assert.deepEqual(((await twice.json()) as any).error.fields, [{ path: name, message: `${name} was given more than once; send it once` }]);
    }
  });

  it('shows a meeting and its transcript', async () => {
    const meeting = (await (await call(`/v1/meetings/${meetingId}`)).json()) as any;
    assert.equal(meeting.id, meetingId);
    assert.equal(meeting.summaryStatus, 'ready');
    const transcript = (await (await call(`/v1/meetings/${meetingId}/transcript`)).json()) as any;
    assert.equal(transcript.segments[2].speaker, 'Priya Nair');
  });

  it('answers questions with citations', async () => {
    const res = await call(`/v1/meetings/${meetingId}/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Which vendors were on the shortlist?' }),
    });
    assert.equal(res.status, 200);
    const answer: any = await res.json();
    assert.equal(answer.covered, true);
    assert.equal(answer.citations[0].segment, 2);
    assert.match(answer.answer, /Northwind/);
  });

  it('answers and summarises as minutes when asked, and names a style it does not know', async () => {
    const json = { method: 'POST', headers: { 'content-type': 'application/json' } };
    const answer: any = await (await call(`/v1/meetings/${meetingId}/questions`, { ...json, body: JSON.stringify({ question: 'Which vendors were on the shortlist?', style: 'minutes' }) })).json();
    assert.equal(answer.covered, true);
    assert.equal(answer.citations[0].segment, 2);
    assert.doesNotMatch(answer.answer, /"/);
    const summary = await call(`/v1/meetings/${meetingId}/summary`, { ...json, body: JSON.stringify({ style: 'minutes' }) });
    assert.equal(summary.status, 201);
    const bad = await call(`/v1/meetings/${meetingId}/questions`, { ...json, body: JSON.stringify({ question: 'Which vendors?', style: 'prose' }) });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as any).error.fields[0].path, 'style');
  });

  it('regenerates a summary with a word budget', async () => {
    const res = await call(`/v1/meetings/${meetingId}/summary`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ maxWords: 25 }) });
    assert.equal(res.status, 201);
    const body: any = await res.json();
    const words = [body.summary.overview.text, ...body.summary.keyPoints.map((k: { text: string }) => k.text)].join(' ').split(/\s+/).filter(Boolean).length;
    assert.ok(words <= 25, `${words} words within the budget`);
  });

  it('returns 400 with field errors for invalid input', async () => {
    const res = await call(`/v1/meetings/${meetingId}/questions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 42 }) });
    assert.equal(res.status, 400);
    const body: any = await res.json();
    assert.equal(body.error.code, 'invalid_input');
    assert.equal(body.error.fields[0].path, 'question');
    const both = await call('/v1/meetings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: 'x', segments: [] }) });
    assert.equal(both.status, 400);
    const noFile = await call('/v1/meetings', { method: 'POST', body: new FormData() });
    assert.equal(noFile.status, 400);
    assert.equal(((await noFile.json()) as any).error.fields[0].path, 'file');
    const two = new FormData();
    two.append('file', new Blob([VTT]), 'one.vtt');
    two.append('file', new Blob([VTT.replace('Vendor review', 'Second review')]), 'two.vtt');
    const twoFiles = await call('/v1/meetings', { method: 'POST', body: two });
    assert.equal(twoFiles.status, 400);
    assert.deepEqual(((await twoFiles.json()) as any).error.fields, [{ path: 'file', message: 'send one transcript file per upload' }]);
    const broken = await call('/v1/meetings', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'not a multipart body' });
    assert.equal(broken.status, 400);
    assert.match(((await broken.json()) as any).error.message, /multipart\/form-data body cannot be read/);
  });

  it('answers a JSON route 400 for a body that is not JSON and 415 for another content type, never 500', async () => {
    const json = { 'content-type': 'application/json' };
    for (const body of ['{"question":', '']) {
      const res = await call(`/v1/meetings/${meetingId}/questions`, { method: 'POST', headers: json, body });
      assert.equal(res.status, 400, `body ${JSON.stringify(body)}`);
      assert.deepEqual(((await res.json()) as any).error, { code: 'invalid_input', message: 'the request body is not valid JSON' });
    }
    const text = await call(`/v1/meetings/${meetingId}/questions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"question":"x"}' });
    assert.equal(text.status, 415);
    const textBody: any = await text.json();
    assert.equal(textBody.error.code, 'unsupported_media_type');
    assert.match(textBody.error.message, /application\/json; got "text\/plain"/);
    const form = new FormData();
    form.set('question', 'x');
    assert.equal((await call(`/v1/meetings/${meetingId}/questions`, { method: 'POST', body: form })).status, 415);
  });

  it('rejects a malformed transcript with file:line and stores nothing', async () => {
    const before = ((await (await call('/v1/meetings')).json()) as any).total;
    const res = await upload('WEBVTT\n\n00:00:0 --> 00:00:05.000\n<v Ann>Hello\n', 'broken.vtt');
    assert.equal(res.status, 400);
    const body: any = await res.json();
    assert.equal(body.error.code, 'malformed_file');
    assert.match(body.error.message, /^broken\.vtt:3: /);
    assert.equal(((await (await call('/v1/meetings')).json()) as any).total, before);
  });

  it('returns 404 for another account\'s meeting and for a member who may not see it', async () => {
    const foreign = await call(`/v1/meetings/${meetingId}`, { token: foreignToken });
    assert.equal(foreign.status, 404);
    assert.equal(((await foreign.json()) as any).error.message, `meeting ${meetingId} was not found`);
    assert.equal((await call(`/v1/meetings/${meetingId}/summary`, { token: foreignToken })).status, 404);
    assert.equal((await call(`/v1/meetings/${meetingId}/questions`, { method: 'POST', token: foreignToken, headers: { 'content-type': 'application/json' }, body: '{"question":"x"}' })).status, 404);
    assert.equal((await call(`/v1/meetings/${meetingId}`, { token: memberToken })).status, 404);
    assert.equal((await call('/v1/meetings/mtg_does_not_exist')).status, 404);
  });

  it('returns 413 for an oversized upload or too many segments', async () => {
    const big = new Blob([new Uint8Array(51 * 1024 * 1024).fill(97)]);
    const res = await upload(big, 'huge.txt');
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as any).error.code, 'payload_too_large');
    const lines = Array.from({ length: 20_001 }, (_, i) => `A: line ${i}`).join('\n');
    const many = await upload(lines, 'many.txt');
    assert.equal(many.status, 413);
    assert.match(((await many.json()) as any).error.message, /20,?000/);
  });

  it('returns 413 for a body over the limit on any other route, before reading it all', async () => {
    const question = 'x'.repeat(REQUEST_BODY_LIMIT);
    const res = await call(`/v1/meetings/${meetingId}/questions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    assert.equal(res.status, 413);
    assert.deepEqual(((await res.json()) as any).error, { code: 'payload_too_large', message: 'the request body is larger than the 10 MB limit' });
    const group = await call('/v1/groups', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'y'.repeat(REQUEST_BODY_LIMIT) }) });
    assert.equal(group.status, 413);
  });

  it('returns 415 for other content types', async () => {
    const res = await call('/v1/meetings', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'A: hi' });
    assert.equal(res.status, 415);
  });

  it('publishes an OpenAPI 3.1 document of the routes', async () => {
    const doc = (await (await call('/v1/openapi.json', { token: null })).json()) as any;
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/v1/meetings', '/v1/meetings/{id}', '/v1/meetings/{id}/summary', '/v1/meetings/{id}/questions']) assert.ok(doc.paths[path], path);
    assert.ok(doc.components.schemas.MeetingSummary);
  });
});
