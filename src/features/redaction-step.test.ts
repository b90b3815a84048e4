import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { AppError } from '../core/errors.ts';
import type { MeetingSummary } from '../core/outputs.ts';
import { saveBlockedPattern, setRedactionTypes, testBlockedPattern } from '../governance/lifecycle/redaction-policy.ts';
import { ingestMeeting } from '../usecases/ingest-meeting.ts';
import { runFeature } from './run-feature.ts';

const VTT = `WEBVTT

00:00:00.000 --> 00:00:08.000
<v Priya Nair>We agreed to send the contract to ana.lima@example.com, it is internal use only.

00:00:08.000 --> 00:00:16.000
<v Tom Becker>I'll call the vendor on 415-555-0134 by Friday about the internal use only contract.

00:00:16.000 --> 00:00:24.000
<v Priya Nair>Next step: Tom Becker sends the signed contract to ana.lima@example.com tomorrow.
`;

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('redaction of outputs', () => {
  let world: TestWorld;
  let meetingId: string;
  const storedPayload = (id: string) => {
    const db = new Database(world.testStore.url, { readonly: true });
    try {
      return (db.prepare('select payload from outputs where id = ?').get(id) as { payload: string }).payload;
    } finally {
      db.close();
    }
  };

  before(async () => {
    world = await createTestWorld();
    const ctx = await world.ctx(world.owner);
    meetingId = (await ingestMeeting(ctx, { filename: 'contract.vtt', content: VTT, summarize: false })).artifact.id;
  });
  after(() => world.close());

  it('stores only the redacted output once types and patterns are chosen; earlier outputs are untouched', async () => {
    const ctx = await world.ctx(world.owner);
    const before = await runFeature<MeetingSummary>(ctx, 'meeting.summary', { artifactId: meetingId });
    const beforeText = storedPayload(before.id);
    assert.match(beforeText, /ana\.lima@example\.com|415-555-0134/, 'no policy yet: nothing redacted');

    await setRedactionTypes(ctx, { entities: ['EMAIL', 'PHONE'] });
    await saveBlockedPattern(ctx, { name: 'marking', pattern: '(?i)internal use only' });
    const after = await runFeature<MeetingSummary>(ctx, 'meeting.summary', { artifactId: meetingId });
    const stored = storedPayload(after.id);
    assert.doesNotMatch(stored, /ana\.lima@example\.com|415-555-0134|internal use only/i, 'the unredacted text is never stored');
    assert.match(stored, /\[EMAIL\]|\[PHONE\]|\[BLOCKED\]/);
    const cited = [...after.payload.keyPoints, ...after.payload.decisions, ...after.payload.actionItems].flatMap((i) => i.citations);
    assert.ok(cited.every((c) => c.artifactId === meetingId && typeof c.start === 'number'), 'structure is left alone');

    assert.equal(storedPayload(before.id), beforeText, 'past outputs are untouched');
    const run = (await ctx.store.audit.list(ctx.account.id, { action: 'ai.run' })).at(-1)!;
    assert.ok((run.details.redactions as number) > 0);
    assert.doesNotMatch(JSON.stringify(run.details), /example\.com|555/, 'the audit holds counts, not values');
  });

  it('rejects Java patterns JavaScript cannot run, with the reason, when saved', async () => {
    const ctx = await world.ctx(world.owner);
    for (const [pattern, reason] of [
      ['a++b', /possessive/i],
      ['(?>abc)', /atomic/i],
      ['(a+)+$', /time budget/],
      ['', /empty/],
    ] as const) {
      await assert.rejects(saveBlockedPattern(ctx, { name: `bad ${pattern}`, pattern }), (e) => {
        assert.equal(codeOf(e), 'invalid_input');
        assert.match((e as Error).message, reason);
        assert.equal((e as AppError).fields?.[0]?.path, 'pattern');
        return true;
      });
    }
    assert.equal((await ctx.store.blockedPatterns.list(ctx.account.id)).length, 1, 'nothing invalid was saved');
    const tried = await testBlockedPattern(ctx, { pattern: '\\b(?:\\d[ -]*?){13,16}\\b', text: 'card 4111 1111 1111 1111 ok' });
    assert.equal(tried.redacted, 'card [BLOCKED] ok');
    const member = await world.addUser();
    await assert.rejects(saveBlockedPattern(await world.ctx(member), { name: 'm', pattern: 'x' }), (e) => codeOf(e) === 'forbidden');
    await assert.rejects(setRedactionTypes(ctx, { entities: ['NAME', 'SHOE_SIZE'] }), (e) => codeOf(e) === 'invalid_input');
  });
});
