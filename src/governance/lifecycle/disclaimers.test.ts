import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { HOUR, ManualClock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { runFeature } from '../../features/run-feature.ts';
import { acceptDisclaimer, DISCLAIMER_LANGUAGES, disclaimerFor, disclaimerLanguage, setDisclaimer } from './disclaimers.ts';
import { storeMeeting } from './testing.ts';

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('disclaimers and consent', () => {
  let world: TestWorld;
  let clock: ManualClock;

  before(async () => {
    clock = new ManualClock('2026-03-04T15:00:00.000Z');
    world = await createTestWorld({ clock });
  });
  after(() => world.close());

  it('maps profile locales to the 17 languages', () => {
    assert.equal(DISCLAIMER_LANGUAGES.length, 17);
    assert.equal(disclaimerLanguage('de-AT'), 'de');
    assert.equal(disclaimerLanguage('zh-TW'), 'zh-Hant');
    assert.equal(disclaimerLanguage('zh-CN'), 'zh-Hans');
    assert.equal(disclaimerLanguage('pt_BR'), 'pt');
    assert.equal(disclaimerLanguage('fi'), null);
  });

  it('validates what admins supply', async () => {
    const ctx = await world.ctx(world.owner);
    for (const [input, path] of [
      [{ featureGroup: 'meetings', audience: 'internal', texts: { de: 'Hinweis' }, requireConsent: false }, 'texts.en'],
      [{ featureGroup: 'meetings', audience: 'internal', texts: { en: 'Note', xx: 'x' }, requireConsent: false }, 'texts.xx'],
      [{ featureGroup: 'karaoke', audience: 'internal', texts: { en: 'Note' }, requireConsent: false }, 'featureGroup'],
      [{ featureGroup: 'meetings', audience: 'guests', texts: { en: 'Note' }, requireConsent: false }, 'audience'],
    ] as const) {
      await assert.rejects(setDisclaimer(ctx, input as never), (e) => codeOf(e) === 'invalid_input' && (e as AppError).fields!.some((f) => f.path === path));
    }
    const member = await world.addUser();
    await assert.rejects(setDisclaimer(await world.ctx(member), { featureGroup: 'meetings', audience: 'internal', texts: { en: 'x' }, requireConsent: false }), (e) => codeOf(e) === 'forbidden');
  });

  it('shows internal and external users their own text in their language, falling back to English', async () => {
    const ctx = await world.ctx(world.owner);
    const texts = Object.fromEntries(DISCLAIMER_LANGUAGES.map((l) => [l, `internal notice (${l})`]));
    await setDisclaimer(ctx, { featureGroup: 'panel', audience: 'internal', texts, requireConsent: false });
    await setDisclaimer(ctx, { featureGroup: 'panel', audience: 'external', texts: { en: 'Guests: AI is in use.', ja: 'ゲストの皆様へ' }, requireConsent: false });
    const german = await world.addUser({ email: 'greta@acme.test' });
    await ctx.store.users.update(world.account.id, german.id, { locale: 'de-DE' });
    const shownDe = await disclaimerFor(ctx, { ...german, locale: 'de-DE' }, 'panel');
    assert.deepEqual([shownDe?.audience, shownDe?.language, shownDe?.text], ['internal', 'de', 'internal notice (de)']);
    const guest = await world.addUser({ email: 'kenji@contractor.test' });
    const shownJa = await disclaimerFor(ctx, { ...guest, locale: 'ja-JP' }, 'panel');
    assert.deepEqual([shownJa?.audience, shownJa?.language, shownJa?.text], ['external', 'ja', 'ゲストの皆様へ']);
    const shownFr = await disclaimerFor(ctx, { ...guest, locale: 'fr' }, 'panel');
    assert.deepEqual([shownFr?.language, shownFr?.text], ['en', 'Guests: AI is in use.'], 'no French text: English');
    assert.equal(await disclaimerFor(ctx, guest, 'meetings'), null);
  });

  it('with "require consent" the feature refuses until the user accepts, again after each change', async () => {
    const ctx = await world.ctx(world.owner);
    const user = await world.addUser({ email: 'ulla@acme.test' });
    const userCtx = await world.ctx(user);
    const id = await storeMeeting(userCtx, 'Consent meeting');
    await setDisclaimer(ctx, { featureGroup: 'meetings', audience: 'internal', texts: { en: 'This meeting is summarised by AI.' }, requireConsent: true });
    await assert.rejects(runFeature(userCtx, 'meeting.summary', { artifactId: id }), (e) => {
      assert.equal(codeOf(e), 'consent_required');
      assert.equal((e as AppError).details?.disclaimer, 'This meeting is summarised by AI.');
      return true;
    });
    clock.advance(HOUR);
    const accepted = await acceptDisclaimer(userCtx, 'meetings', 1);
    assert.deepEqual([accepted.version, accepted.language, accepted.acceptedAt], [1, 'en', clock.now().toISOString()]);
    assert.ok((await runFeature(userCtx, 'meeting.summary', { artifactId: id })).id);

    await setDisclaimer(ctx, { featureGroup: 'meetings', audience: 'internal', texts: { en: 'Updated wording.' }, requireConsent: true });
    await assert.rejects(runFeature(userCtx, 'meeting.summary', { artifactId: id }), (e) => codeOf(e) === 'consent_required');
    await assert.rejects(acceptDisclaimer(userCtx, 'meetings', 1), (e) => codeOf(e) === 'conflict', 'accepting a stale version is refused');
    await acceptDisclaimer(userCtx, 'meetings', 2);
    assert.ok((await runFeature(userCtx, 'meeting.summary', { artifactId: id })).id);
    const consents = await ctx.store.audit.list(ctx.account.id, { action: 'consent.accept' });
    assert.deepEqual(consents.map((e) => e.details.version), [1, 2]);
  });
});
