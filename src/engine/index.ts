/**
 * The built-in engine: classical, in-process NLP that summarises meetings and
 * answers questions about them extractively — every sentence it returns was
 * said in the meeting, and cites the segments it came from.
 */
export { answerQuestion, type AnswerInput } from './answer/answer-question.ts';
export { summarizeMeeting, type SummarizeInput } from './summarize-meeting.ts';
