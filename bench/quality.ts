/**
 * `npm run bench:quality`: the built-in engine against the classic
 * baselines on public meeting data, all in this run.
 *
 * - QMSum val (../shared/data/qmsum/val.jsonl): the general query answered by
 *   the `meeting.summary` engine path, each specific query by the
 *   `meeting.query` engine path; ROUGE-1/2/L/Lsum (F1) against the reference
 *   answers. Baselines summarise the whole meeting at the same word count as
 *   the engine's output for that query. Retrieval: recall@5 and MRR of the
 *   gold `relevant_text_span` turns among the answer's ranked sources
 *   (its citations when it has none).
 *   Segmentation: Pk and WindowDiff of the summary's chapters against
 *   `topic_list`, with TextTiling as the baseline.
 * - AMI valid (../shared/data/ami/valid.json): whole-meeting summary.
 * - The labelled meetings (bench/data/labelled-meetings): decision and
 *   action-item precision and recall.
 * - Timings: `meeting.summary` on a 10,000-word meeting, and the engine's
 *   share of the whole QMSum val evaluation.
 *
 * Every transcript goes through `parseTranscript`, the ingest path uploads
 * take. Prints one table and writes it as JSON to `.bench-out/quality.json`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summaryAsText, answerAsText } from '../src/cli/format/summary-format.ts';
import type { Segment } from '../src/core/types.ts';
import { answerQuestion, summarizeMeeting } from '../src/engine/index.ts';
import { reportSpeech } from '../src/engine/text/reported-speech.ts';
import { parseTranscript } from '../src/ingest/index.ts';
import { oracleSummary, randomSummary, textRankScores } from './lib/baselines.ts';
import { addCounts, emptyCounts, precisionRecall, scoreDetections, type LabelledAction, type LabelledDecision } from './lib/labelled-score.ts';
import { recallAtK, reciprocalRank, type TurnSpan } from './lib/retrieval-metrics.ts';
import { corpusRouge, rouge, sentencesPerLine, type RougeScores } from './lib/rouge.ts';
import { pk, textTiling, windowDiff } from './lib/segmentation.ts';
import { splitTranscript } from './lib/sentences.ts';
import { countWords, fillBudget } from './lib/word-budget.ts';
import { meetingOfWords } from './lib/synthetic-meeting.ts';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const LABELLED = fileURLToPath(new URL('./data/labelled-meetings/', import.meta.url));
const OUT = fileURLToPath(new URL('../.bench-out/', import.meta.url));

// Summaries and query-focused answers are written as minutes: reported speech, third person, past tense.
const STYLE = 'minutes' as const;

// `textrank-minutes` is TextRank written the same way as the engine's minutes, so the table shows what the style alone is worth.
const SYSTEMS = ['engine', 'random', 'lead', 'textrank', 'textrank-minutes', 'oracle'] as const;
type System = (typeof SYSTEMS)[number];

interface Pair {
  candidate: string;
  reference: string;
}

/** Progress: one rewritten line on a terminal, plain lines otherwise. */
function progress(label: string): (done: number, total: number) => void {
  let lastLine = -1;
  return (done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
    } else {
      const step = Math.floor((done / total) * 4);
      if (step !== lastLine || done === total) {
        lastLine = step;
        process.stderr.write(`${label} ${done}/${total}\n`);
      }
    }
  };
}

const toLines = (text: string) => sentencesPerLine(text.replace(/\n+/g, ' '));
const score = (pairs: readonly Pair[]): RougeScores =>
  corpusRouge(pairs.map((p) => ({ candidate: toLines(p.candidate), reference: toLines(p.reference) })));

interface QmsumQuery {
  query: string;
  answer: string;
  relevant_text_span?: [string, string][];
}

interface QmsumMeeting {
  topic_list: { topic: string; relevant_text_span: [string, string][] }[];
  general_query_list: QmsumQuery[];
  specific_query_list: QmsumQuery[];
  meeting_transcripts: { speaker: string; content: string }[];
}

/** Loads a QMSum meeting through the JSON ingest adapter; `segmentOf` maps a QMSum turn number to its segment (turns without text are dropped on ingest). */
function ingestQmsum(meeting: QmsumMeeting, n: number): { segments: Segment[]; participants: string[]; segmentOf: (turn: number) => number } {
  const parsed = parseTranscript({ filename: `qmsum-val-${n}.json`, content: JSON.stringify({ segments: meeting.meeting_transcripts }) });
  const map: number[] = [];
  let next = 0;
  for (const turn of meeting.meeting_transcripts) {
    map.push(next);
    if (turn.content.trim() !== '') next++;
  }
  if (next !== parsed.segments.length) throw new Error(`qmsum meeting ${n}: ${parsed.segments.length} segments from ${next} non-empty turns`);
  return {
    segments: parsed.segments,
    participants: parsed.participants,
    segmentOf: (turn) => Math.min(map[Math.max(0, Math.min(turn, map.length - 1))]!, parsed.segments.length - 1),
  };
}

/** The baselines' summaries of one meeting at `words` words. */
class Baselines {
  readonly sentences: string[];
  private readonly reported: string[];
  private readonly order: number[];

  constructor(segments: readonly Segment[], private readonly seed: number) {
    const split = splitTranscript(segments.map((s) => ({ speaker: s.speaker, content: s.text })));
    this.sentences = split.map((s) => s.text);
    this.reported = split.map((s) => reportSpeech(s.text, { speaker: s.speaker }));
    const scores = textRankScores(this.sentences);
    this.order = this.sentences.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  }

  summaries(words: number, reference: string): Record<Exclude<System, 'engine'>, string> {
    return {
      random: randomSummary(this.sentences, words, this.seed).join(' '),
      lead: fillBudget(this.sentences.map((_, i) => i), this.sentences, words).join(' '),
      textrank: fillBudget(this.order, this.sentences, words).join(' '),
      'textrank-minutes': fillBudget(this.order, this.reported, words).join(' '),
      oracle: oracleSummary(this.sentences, reference, words).join(' '),
    };
  }
}

type PairsBySystem = Record<System, Pair[]>;
const emptyPairs = (): PairsBySystem => ({ engine: [], random: [], lead: [], textrank: [], 'textrank-minutes': [], oracle: [] });

interface SegmentationScore {
  pk: number;
  windowDiff: number;
}

function boundariesFromTopics(meeting: QmsumMeeting, segmentOf: (turn: number) => number): number[] {
  const starts = new Set<number>();
  for (const topic of meeting.topic_list) for (const [from] of topic.relevant_text_span) starts.add(segmentOf(Number(from)));
  starts.delete(0);
  return [...starts].sort((a, b) => a - b);
}

/** product design (AMI), academic (ICSI) or parliamentary committee, told by who speaks. */
function domainOf(meeting: QmsumMeeting): string {
  const speakers = meeting.meeting_transcripts.map((turn) => turn.speaker);
  if (speakers.some((speaker) => /project manager|marketing|industrial designer|user interface/i.test(speaker))) return 'product';
  if (speakers.some((speaker) => /^(?:grad|phd|professor|postdoc)\b/i.test(speaker))) return 'academic';
  return 'committee';
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export async function qmsumBench() {
  const meetings: QmsumMeeting[] = readFileSync(`${DATA}qmsum/val.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
  const general = emptyPairs();
  const specific = emptyPairs();
  const recalls: number[] = [];
  const rrs: number[] = [];
  const seg = { engine: [] as SegmentationScore[], texttiling: [] as SegmentationScore[] };
  let engineMs = 0;
  let uncovered = 0;
  // The "not covered" check: questions from a meeting of another kind should be refused.
  let foreignAsked = 0;
  let foreignRefused = 0;
  const started = performance.now();
  const tick = progress('QMSum val meetings');
  for (const [n, meeting] of meetings.entries()) {
    const t0 = performance.now();
    const { segments, participants, segmentOf } = ingestQmsum(meeting, n);
    const summary = summarizeMeeting({ artifactId: `qmsum-${n}`, segments, participants, style: STYLE });
    const summaryText = summaryAsText(summary);
    const answers = meeting.specific_query_list.map((q) => answerQuestion({ artifactId: `qmsum-${n}`, segments, question: q.query, style: STYLE }));
    engineMs += performance.now() - t0;

    const baselines = new Baselines(segments, 1000 + n);
    for (const q of meeting.general_query_list) {
      general.engine.push({ candidate: summaryText, reference: q.answer });
      const others = baselines.summaries(countWords(summaryText), q.answer);
      for (const [system, text] of Object.entries(others)) general[system as System].push({ candidate: text, reference: q.answer });
    }
    meeting.specific_query_list.forEach((q, i) => {
      const answer = answers[i]!;
      const text = answerAsText(answer);
      if (!answer.covered) uncovered++;
      specific.engine.push({ candidate: answer.covered ? text : '', reference: q.answer });
      const others = baselines.summaries(Math.max(1, countWords(text)), q.answer);
      for (const [system, t] of Object.entries(others)) specific[system as System].push({ candidate: t, reference: q.answer });
      const gold: TurnSpan[] = (q.relevant_text_span ?? []).map(([from, to]) => ({ from: segmentOf(Number(from)), to: segmentOf(Number(to)) }));
      // The answer's ranked sources, best first; an answer found without searching ranks its citations.
      const cited = (answer.sources ?? answer.citations).map((c) => c.segment);
      const r = recallAtK(cited, gold, 5);
      const rr = reciprocalRank(cited, gold);
      if (r !== null) recalls.push(r);
      if (rr !== null) rrs.push(rr);
    });

    const foreign = meetings.find((other, j) => j > n && domainOf(other) !== domainOf(meeting)) ??
      meetings.find((other) => domainOf(other) !== domainOf(meeting));
    for (const q of foreign?.specific_query_list ?? []) {
      foreignAsked++;
      if (!answerQuestion({ artifactId: `qmsum-${n}`, segments, question: q.query }).covered) foreignRefused++;
    }

    const reference = boundariesFromTopics(meeting, segmentOf);
    const hypothesis = summary.chapters.slice(1).map((c) => c.fromSegment);
    const tiling = textTiling(segments.map((s) => s.text));
    const units = segments.length;
    seg.engine.push({ pk: pk(reference, hypothesis, units), windowDiff: windowDiff(reference, hypothesis, units) });
    seg.texttiling.push({ pk: pk(reference, tiling, units), windowDiff: windowDiff(reference, tiling, units) });
    tick(n + 1, meetings.length);
  }
  const all = emptyPairs();
  for (const system of SYSTEMS) all[system] = [...general[system], ...specific[system]];
  const rougeOf = (pairs: PairsBySystem) => Object.fromEntries(SYSTEMS.map((s) => [s, score(pairs[s])])) as Record<System, RougeScores>;
  return {
    meetings: meetings.length,
    generalQueries: general.engine.length,
    specificQueries: specific.engine.length,
    uncovered,
    notCovered: { ownAnswered: 1 - uncovered / specific.engine.length, foreignAsked, foreignRefused: foreignRefused / Math.max(1, foreignAsked) },
    general: rougeOf(general),
    specific: rougeOf(specific),
    all: rougeOf(all),
    retrieval: { recallAt5: mean(recalls), mrr: mean(rrs), queries: recalls.length },
    segmentation: {
      engine: { pk: mean(seg.engine.map((s) => s.pk)), windowDiff: mean(seg.engine.map((s) => s.windowDiff)) },
      texttiling: { pk: mean(seg.texttiling.map((s) => s.pk)), windowDiff: mean(seg.texttiling.map((s) => s.windowDiff)) },
    },
    engineSeconds: engineMs / 1000,
    totalSeconds: (performance.now() - started) / 1000,
  };
}

/** AMI lines are `X : text`, lower-cased; the plain-text adapter reads them as speaker turns. */
export async function amiBench() {
  const data: [string, string][] = JSON.parse(readFileSync(`${DATA}ami/valid.json`, 'utf8'));
  const pairs = emptyPairs();
  const tick = progress('AMI valid meetings');
  for (const [n, [referenceRaw, transcript]] of data.entries()) {
    const reference = referenceRaw.replace(/<\/?t>/g, ' ').replace(/\s+/g, ' ').trim();
    const { segments, participants } = parseTranscript({ filename: `ami-valid-${n}.txt`, content: transcript });
    const text = summaryAsText(summarizeMeeting({ artifactId: `ami-${n}`, segments, participants, style: STYLE }));
    pairs.engine.push({ candidate: text, reference });
    const others = new Baselines(segments, 2000 + n).summaries(countWords(text), reference);
    for (const [system, t] of Object.entries(others)) pairs[system as System].push({ candidate: t, reference });
    tick(n + 1, data.length);
  }
  return { meetings: data.length, rouge: Object.fromEntries(SYSTEMS.map((s) => [s, score(pairs[s])])) as Record<System, RougeScores> };
}

export function labelledBench() {
  let decisions = emptyCounts();
  let actions = emptyCounts();
  const files = readdirSync(LABELLED).filter((f) => f.endsWith('.labels.json'));
  for (const file of files) {
    const labels: { file: string; date: string; decisions: LabelledDecision[]; actionItems: LabelledAction[] } = JSON.parse(
      readFileSync(`${LABELLED}${file}`, 'utf8'),
    );
    const parsed = parseTranscript({ filename: labels.file, content: readFileSync(`${LABELLED}${labels.file}`) });
    const date = parsed.metadata.date ?? labels.date;
    const summary = summarizeMeeting({
      artifactId: labels.file,
      segments: parsed.segments,
      meetingDate: new Date(date),
      participants: parsed.participants,
    });
    decisions = addCounts(decisions, scoreDetections(summary.decisions.map((d) => ({ segments: d.citations.map((c) => c.segment) })), labels.decisions));
    actions = addCounts(
      actions,
      scoreDetections(
        summary.actionItems.map((a) => ({ segments: a.citations.map((c) => c.segment), owner: a.owner, due: a.due })),
        labels.actionItems,
      ),
    );
  }
  return {
    meetings: files.length,
    decisions: { ...decisions, ...precisionRecall(decisions) },
    actionItems: {
      ...actions,
      ...precisionRecall(actions),
      ownerAccuracy: actions.matched ? actions.ownerRight / actions.matched : 0,
      dueAccuracy: actions.matched ? actions.dueRight / actions.matched : 0,
    },
  };
}

export function summaryTiming(runs = 21) {
  const segments = meetingOfWords(10_000);
  const meetingDate = new Date('2026-03-04T10:00:00Z');
  for (let i = 0; i < 3; i++) summarizeMeeting({ artifactId: 'warmup', segments, meetingDate });
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    summarizeMeeting({ artifactId: 'bench', segments, meetingDate });
    const used = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  // CPU time shows the engine's own cost when other processes share the machine.
  return { words: 10_000, medianMs: median(times), medianCpuMs: median(cpu) };
}

const pct = (x: number) => (x * 100).toFixed(2);
const rougeRow = (name: string, r: RougeScores) =>
  `  ${name.padEnd(16)} ${pct(r.rouge1.f1).padStart(6)} ${pct(r.rouge2.f1).padStart(6)} ${pct(r.rougeL.f1).padStart(6)} ${pct(r.rougeLsum.f1).padStart(6)}`;
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function printQuality(result: Awaited<ReturnType<typeof runQuality>>, write: (line: string) => void = console.log): void {
  const { qmsum, ami, labelled, timing } = result;
  const header = `  ${'system'.padEnd(16)} ${'R-1'.padStart(6)} ${'R-2'.padStart(6)} ${'R-L'.padStart(6)} ${'R-Lsum'.padStart(6)}`;
  const table = (title: string, rows: Record<System, RougeScores>) => {
    write(title);
    write(header);
    for (const s of SYSTEMS) write(rougeRow(s === 'engine' ? 'Confer' : s, rows[s]));
  };
  write(`Quality: built-in engine vs baselines (same run, ROUGE F1 ×100; baselines at the engine's word count)`);
  table(`QMSum val, whole-meeting summary (${qmsum.generalQueries} general queries, meeting.summary)`, qmsum.general);
  table(`QMSum val, query-focused (${qmsum.specificQueries} specific queries, meeting.query; ${qmsum.uncovered} answered "not covered")`, qmsum.specific);
  table(`QMSum val, all ${qmsum.generalQueries + qmsum.specificQueries} queries`, qmsum.all);
  const r1 = qmsum.all.engine.rouge1.f1 * 100;
  write(`  target R-1 ≥ 30: ${r1.toFixed(2)} ${mark(r1 >= 30)} (published test: TextRank 16.27, BART 29.20, oracle 42.84)`);
  write(`"Not covered" check: ${pct(qmsum.notCovered.ownAnswered)}% of the meeting's own specific queries answered; ${pct(qmsum.notCovered.foreignRefused)}% of ${qmsum.notCovered.foreignAsked} queries from a meeting of another kind refused`);
  write(`Retrieval, QMSum val specific queries (${qmsum.retrieval.queries}): recall@5 ${qmsum.retrieval.recallAt5.toFixed(3)} (target ≥ 0.8: ${mark(qmsum.retrieval.recallAt5 >= 0.8)}), MRR ${qmsum.retrieval.mrr.toFixed(3)}`);
  const s = qmsum.segmentation;
  write(`Topic segmentation vs topic_list (${qmsum.meetings} meetings, lower is better)`);
  write(`  Confer chapters  Pk ${s.engine.pk.toFixed(3)}  WindowDiff ${s.engine.windowDiff.toFixed(3)}`);
  write(`  TextTiling       Pk ${s.texttiling.pk.toFixed(3)}  WindowDiff ${s.texttiling.windowDiff.toFixed(3)}`);
  write(`  target Pk better than TextTiling: ${mark(s.engine.pk < s.texttiling.pk)}`);
  table(`AMI valid, whole-meeting summary (${ami.meetings} meetings)`, ami.rouge);
  const ratio = ami.rouge.engine.rouge1.f1 / ami.rouge.textrank.rouge1.f1;
  const styled = ami.rouge.engine.rouge1.f1 / ami.rouge['textrank-minutes'].rouge1.f1;
  write(`  R-1 vs TextRank: ${((ratio - 1) * 100).toFixed(1)}% above (target ≥ 25%: ${mark(ratio >= 1.25)}); vs TextRank written as minutes: ${((styled - 1) * 100).toFixed(1)}% above`);
  const d = labelled.decisions;
  const a = labelled.actionItems;
  write(`Labelled meetings (${labelled.meetings})`);
  write(`  decisions     precision ${d.precision.toFixed(3)} recall ${d.recall.toFixed(3)} (${d.matched}/${d.labels} found, ${d.falsePositives} false, ${d.duplicates} recaps)`);
  write(`  action items  precision ${a.precision.toFixed(3)} recall ${a.recall.toFixed(3)} (${a.matched}/${a.labels} found, ${a.falsePositives} false, ${a.duplicates} recaps); owner ${a.ownerAccuracy.toFixed(3)}, due date ${a.dueAccuracy.toFixed(3)} of found`);
  write('Timings');
  write(`  meeting.summary, ${timing.words.toLocaleString('en')}-word meeting: median ${timing.medianMs.toFixed(1)} ms wall clock (target < 100 ms: ${mark(timing.medianMs < 100)}), ${timing.medianCpuMs.toFixed(1)} ms CPU`);
  write(`  QMSum val, engine (ingest, summaries, all answers): ${qmsum.engineSeconds.toFixed(1)} s; with baselines and scoring: ${qmsum.totalSeconds.toFixed(1)} s (target < 120 s: ${mark(qmsum.totalSeconds < 120)})`);
}

export async function runQuality() {
  // Timed first, on a fresh heap, so the evaluation's garbage does not count against it.
  const timing = summaryTiming();
  const qmsum = await qmsumBench();
  const ami = await amiBench();
  const labelled = labelledBench();
  return { qmsum, ami, labelled, timing };
}

export async function qualityBench(): Promise<void> {
  const result = await runQuality();
  printQuality(result);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}quality.json`, JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2));
  console.log(`\nWritten to .bench-out/quality.json`);
}

if (import.meta.url === `file://${process.argv[1]}`) await qualityBench();
