/**
 * The wording of commitments and requests in meetings, and of the look-alikes
 * that are not tasks: "I'll share my screen", "let me think", "can you hear
 * me?" happen inside the meeting and leave nothing to do afterwards.
 */

/** A speaker committing themselves: the verb phrase follows the cue. */
export const FIRST_PERSON_CUE =
  /\b(?:i'll|i will(?! not)|i'm going to|i am going to|i'm gonna|i am gonna|i shall|i can(?= (?:take|handle|cover|have)\b)|i'll take care|let me|i need to|i have to|i've got to|i got to|i must|i promise to|i'm taking|i am taking|i'm handling|i'll make sure to|i'm happy to|i am happy to)\s+/;

/**
 * Taking on what someone else just raised, without restating it: "I'll do
 * it", "let me take that", "I can handle this one".
 */
export const TAKING_IT_ON =
  /^(?:do|take|handle|own|cover|grab|sort out|look after)(?: care of)? (?:it|that|this|them|those|these)(?: one| bit| part| thing)?$|^(?:take|do) care of (?:it|that|this)$/;

/**
 * Obligations ("I have to study this more") are as often musing as
 * commitment; they count only when dated or said while wrapping up.
 */
export const WEAK_FIRST_PERSON_CUE = /^(?:i need to|i have to|i've got to|i got to|i must)\s+$/;

/** Asking someone else to act; the verb phrase follows the cue. */
export const REQUEST_CUE =
  /\b(?:(?:can|could|would|will) you(?: please| also| just| maybe| quickly)*|(?:would|do) you mind|i need you to|i'd like you to|i want you to|make sure you|(?:^|, )please)\s+/;

/**
 * Requests that still stand without an answer: stated, not asked. (A generic
 * "you need to…" explains how things work far more often than it assigns work.)
 */
export const FIRM_REQUEST = /\b(?:i need you to|i'd like you to|i want you to|make sure you)\b|(?:^|, )please\b/;

/** Offering to act ("do you want me to send it?"): a task once the other side says yes. */
export const OFFER_CUE = /\b(?:do you want|would you like|shall|should|want) (?:me to|i)\s+/;

/** Explicit markers: "Action item: …", "To-do: …". */
export const ACTION_MARKER = /^(?:action items?|action|ai|to-?do|task|follow-up)\s*[:\-–—]\s*/;

/** A named person taking something on: follows the name. */
export const NAMED_ASSIGNMENT = /^,?(?:'ll|'s going to|'s gonna|'s on|'s taking|'s handling| will(?! not)| is going to| is gonna| needs to| has to| should| can take| is taking| is handling| is on| takes| owns)\b\s*/;

/** "Priya to send the deck": only at the start of a clause, else "talk to Priya to…" would match. */
export const NAMED_INFINITIVE = /^,? to\s+(?=\w)/;

// Adverbs and auxiliaries between the cue and the real verb.
const VERB_LEAD = /^(?:(?:just|also|quickly|probably|definitely|certainly|then|now|actually|personally|gladly|go ahead and|try to|try and|make sure to|be sure to|get to|need to|have to|want to)\s+)+/;

// In-meeting speech acts and stances after a first-person cue, and words
// that cannot open a verb phrase ("I will that would…" is a broken sentence).
const NOT_A_TASK = /^(?:not\b|never\b|(?:that|this|it|the|a|an|so|and|but|or|yeah|you|we|they|he|she|there|what|which|if|because|as|like)\b|make an? (?:example|point|comment|suggestion|remark|guess)|give an? (?:short |quick |brief )?(?:talk|presentation|overview|example|demo|summary)|have an? (?:short |quick |brief )?(?:presentation|talk|word)|show (?:you|us|that|this|it|them|everyone|the group)|say|tell (?:you|us|y'all)|guess|bet|admit|think|pass|stop|repeat|explain|show (?:you|us)|walk (?:you|us|everyone)|present|mention(?! (?:it|that|this|them) to)|wait|hold (?:on|off)|run (?:down|through)|keep (?:it|this) (?:short|brief)|give (?:you|us|everyone) (?:an?|some|my|the)|move on|hand (?:it )?(?:over|back)|turn (?:it )?over|skip|answer|note that|summari[sz]e|recap|read|jump|confess|argue|agree|disagree|suggest|propose|assume|imagine|describe|clarify|interrupt|continue|wrap (?:up|it up)|introduce|go (?:first|next|back|on|over|through|around|with|for)|be (?!\w+ing\b)|leave (?:it|that|early|now|soon|at|in)|go$|go (?:now|soon|early)|(?:drop|hop|jump) off|stay|believe|hope|mean|put (?:it|this) (?:this|that|another)|see(?! (?:if|whether|about|to)\b)|ask (?:you|y'all|a question|the group|everyone)|share (?:my|the|your) screen|add (?:one|a|something|to that)|let (?:you|us) go|start(?:$|\s+(?:with|by|off|now|here|there|us|things|the meeting))|begin|throw (?:it|this|that|something) out|(?:throw|put|lay) (?:my|our) cards|talk to (?:you|y'all|everyone)|finish (?:my|this|the) (?:thought|point|sentence)|talk about|speak|do (?:that|this|it) (?:now|here)|play devil|be honest|quote|rephrase|try (?:it|that) (?:now|here))\b/;

// After "let me" only these are tasks; "let me think/see/explain" are not.
const LET_ME_TASK = /^(?:check|follow|look into|find|send|get (?:back|you|it|that|the|a|in touch)|reach|email|e-mail|ping|set up|schedule|draft|write|update|circle back|confirm|review|talk to|loop|sync|dig|put together|take (?:care|that|this|it|an action|the action)|handle|book|call|contact|forward|investigate|coordinate|arrange|prepare|ask (?!you\b)|double-check|verify|fix|create|file|open|order|add (?:it|that|this) to)\b/;

// After "can you", the requests that happen within the meeting.
const IN_MEETING_REQUEST = /^(?:hear|see|repeat|say|explain|clarify|elaborate|speak|go (?:back|ahead|on|over|through|to)|mute|unmute|share your screen|stop sharing|walk (?:us|me) through|give (?:us|me) (?:a|an|some) (?:quick |brief )?(?:update|overview|summary|example|sense|idea)|tell (?:me|us)|describe|remind (?:me|us)|imagine|believe|think|introduce yourself|scroll|zoom|move to|take (?:us|me) through|expand on|talk (?:about|us)|hold(?:$| on| the line| for (?:a|just|one)| while)|wait|type|spell|turn (?:on|off)|put (?:that|it) in the chat|hang on|be quiet|speak up|slow down|remember|do that again|come closer|understand|know|realize|realise|consider|keep in mind|be careful|trust|agree|look at this)\b/;

/** The verb phrase with leading adverbs and auxiliaries, and closing punctuation, removed. */
export function verbPhrase(afterCue: string): string {
  return afterCue.replace(VERB_LEAD, '').replace(/[\s.,;:!?…]+$/, '');
}

// "I'll show that in a few minutes": deferred within the meeting itself.
// "Let me check the status page, one second": done while the others wait.
const WITHIN_MEETING = /\b(?:in a (?:few )?(?:minute|second|moment|sec)s?|(?:one|a|just a) (?:sec|second|moment)|real quick|while (?:you|we) (?:wait|hold)|in this meeting|(?:the|this|next) slide|on (?:the|my) screen|right now)\b/;

/** Whether what follows a first-person cue is work to do after the meeting. */
export function isTaskPhrase(cue: string, phrase: string): boolean {
  if (WITHIN_MEETING.test(phrase)) return false;
  if (/^let me\b/.test(cue)) return LET_ME_TASK.test(phrase);
  return !NOT_A_TASK.test(phrase) && !/^(?:already|have already)\b/.test(phrase);
}

/** Whether what follows "can you" is work to do after the meeting. */
export function isTaskRequest(phrase: string): boolean {
  return !IN_MEETING_REQUEST.test(phrase) && !WITHIN_MEETING.test(phrase);
}
