/**
 * A short product meeting written for the engine's tests: two topics (the
 * launch plan, then the support rota), decisions, commitments, requests
 * (accepted, refused, unanswered), hypotheticals and fillers. Held on
 * Wednesday 15 May 2024 at 09:00 UTC.
 */
import type { Segment } from '../../core/types.ts';
import { segmentsOf } from './segments-of.ts';

export const LAUNCH_MEETING_DATE = new Date('2024-05-15T09:00:00Z');

export const LAUNCH_MEETING_PARTICIPANTS = ['Priya Nair', 'Tom Becker', 'Sam Ortiz', 'Ana Silva'];

const TURNS: ReadonlyArray<readonly [speaker: string, text: string]> = [
  ['Priya', "Okay, um, let's get started. Today we need to settle the launch plan for the mobile app and then the support rota."],
  ['Tom', 'Sure. So the mobile app launch, uh, the build is feature complete, but the payment screen still has two open bugs.'],
  ['Sam', 'Yeah, the payment bugs are both in the checkout flow. The, the fix for the first one is already merged.'],
  ['Priya', 'How long for the second payment bug?'],
  ['Sam', 'I think two days. Maybe three if the payment provider changes their sandbox again.'],
  ['Ana', 'From the marketing side, the launch campaign is ready. The press release and the app store screenshots are done.'],
  ['Tom', 'If we launch on the 3rd of June, marketing has two full weeks for the campaign, right?'],
  ['Ana', 'Yes, two weeks is plenty for the campaign.'],
  ['Priya', 'Okay, we agreed: the mobile app launches on June 3rd, with the payment fix as a blocker.'],
  ['Tom', "And we're going with the staged rollout, ten percent of users first, then everyone after a week."],
  ['Priya', 'Sam, can you fix the second payment bug by Friday?'],
  ['Sam', 'Sure, I can have it done by Friday.'],
  ['Priya', 'Ana, could you send the press release to legal for review?'],
  ['Ana', "Yes, I'll send it to legal today."],
  ['Tom', "I'll write the rollout checklist and share it with the team by end of week."],
  ['Ana', 'Could you also translate the screenshots into Spanish?'],
  ['Tom', "Sorry, I can't, I don't speak Spanish."],
  ['Sam', 'If we had more time, I would rewrite the whole checkout flow, you know.'],
  ['Priya', 'Maybe we should decide on the pricing later.'],
  ['Tom', 'I already updated the release notes last week.'],
  ['Priya', 'Okay, moving on to the support rota for the launch week.'],
  ['Ana', 'The support rota needs two people on call for the first weekend after launch.'],
  ['Tom', 'I can cover the Saturday support shift. Sam could take Sunday.'],
  ['Sam', "Sunday works for me, I'll take the Sunday support shift."],
  ['Priya', "Great. Let's go with Tom on Saturday and Sam on Sunday for the support rota."],
  ['Ana', 'Tom will brief the support team on the new payment screen before the launch.'],
  ['Priya', 'Can someone update the support wiki?'],
  ['Sam', 'What section of the wiki?'],
  ['Priya', 'Action item: update the support wiki with the launch FAQ.'],
  ['Tom', 'Next step is a dry run of the rollout on Thursday next week.'],
  ['Priya', "We'll reconvene on Monday to confirm the payment fix landed."],
  ['Ana', 'Thanks everyone. Bye.'],
];

/** The meeting's segments, eight seconds per turn. */
export const LAUNCH_MEETING: Segment[] = segmentsOf(TURNS);
