/** Test support for feature runs. */
import type { TestWorld } from '../app/testing.ts';

/**
 * Turns on `models.prefer_generative` for the whole account, so that the
 * features the built-in engine serves try a usable model first.
 *
 * @example
 * await preferGenerative(world);
 */
export async function preferGenerative(world: TestWorld): Promise<void> {
  await world.services.store.settings.set({
    accountId: world.account.id,
    scope: 'account',
    scopeId: world.account.id,
    key: 'models.prefer_generative',
    value: true,
    locked: false,
    updatedAt: world.services.clock.now().toISOString(),
    updatedBy: null,
  });
}

/** A short planning meeting: a decision, an action item with a due date, and a question to answer. */
export const LAUNCH_SYNC_VTT = `WEBVTT

NOTE
title: Launch sync
date: 2026-03-04T10:00:00Z

00:00:00.000 --> 00:00:06.000
<v Priya Nair>Okay, the launch plan. We agreed to ship the beta on the twelfth of March.

00:00:06.000 --> 00:00:12.000
<v Tom Becker>I'll send the release notes to marketing by Friday.

00:00:12.000 --> 00:00:19.000
<v Priya Nair>The five vendors we compared were Northwind, Contoso, Fabrikam, Tailspin and Litware.

00:00:19.000 --> 00:00:25.000
<v Tom Becker>Pricing from Contoso was the lowest, but Fabrikam had better support.
`;
