/**
 * PII benchmark on Presidio's synthetic evaluation set (see README.md).
 * Run: `npx tsx bench/pii/run.ts` (add `--errors TYPE` to list misses and false alarms).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BLOCKED, BUILTIN_BLOCKED_PATTERNS, Redactor, type PiiEntityType, type PiiSpan } from '../../src/governance/redaction/index.ts';
import { scores, sumTallies, tallyDocument, type LabelledSpan, type MatchRule, type Tally } from './metrics.ts';

interface Sample {
  full_text: string;
  spans: Array<{ entity_type: string; start_position: number; end_position: number }>;
}

/** Dataset label → our label. `CREDIT_CARD` is the built-in blocked pattern of that name. */
const MAPPING: ReadonlyArray<readonly [dataset: string, ours: PiiEntityType | 'CREDIT_CARD']> = [
  ['PERSON', 'NAME'],
  ['PHONE_NUMBER', 'PHONE'],
  ['EMAIL_ADDRESS', 'EMAIL'],
  ['IBAN_CODE', 'INTERNATIONAL_BANK_ACCOUNT_NUMBER'],
  ['US_SSN', 'SSN'],
  ['US_DRIVER_LICENSE', 'DRIVER_ID'],
  ['IP_ADDRESS', 'IP_ADDRESS'],
  ['DATE_TIME', 'DATE_TIME'],
  ['DOMAIN_NAME', 'URL'],
  ['CREDIT_CARD', 'CREDIT_CARD'],
];
const OURS = new Map(MAPPING);

const PRESIDIO = { precision: 0.87, recall: 0.839 };

function datasetPath(): string {
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  return fileURLToPath(new URL('../shared/data/pii/presidio-synth-dev.json', `file://${repoRoot}`));
}

function labelOf(span: PiiSpan): string {
  return span.type === BLOCKED ? (span.pattern ?? BLOCKED) : span.type;
}

const pct = (x: number) => x.toFixed(3);
const pad = (s: string | number, n: number) => String(s).padEnd(n);

function printTable(title: string, tallies: Map<string, Tally>, goldCounts: Map<string, number>): void {
  console.log(`\n${title}`);
  console.log(`${pad('type', 36)}${pad('gold', 6)}${pad('pred', 6)}${pad('tp', 6)}${pad('P', 8)}${pad('R', 8)}F2`);
  for (const [, ours] of MAPPING) {
    const t = tallies.get(ours) ?? { tp: 0, fp: 0, fn: 0 };
    const s = scores(t);
    console.log(`${pad(ours, 36)}${pad(goldCounts.get(ours) ?? 0, 6)}${pad(t.tp + t.fp, 6)}${pad(t.tp, 6)}${pad(pct(s.precision), 8)}${pad(pct(s.recall), 8)}${pct(s.f2)}`);
  }
  const micro = sumTallies([...tallies.values()]);
  const s = scores(micro);
  console.log(`${pad('micro (mapped types)', 36)}${pad(micro.tp + micro.fn, 6)}${pad(micro.tp + micro.fp, 6)}${pad(micro.tp, 6)}${pad(pct(s.precision), 8)}${pad(pct(s.recall), 8)}${pct(s.f2)}`);
}

/** Prints the per-type tables and throughput; `--errors TYPE` lists misses and false alarms. */
export function piiBench(): void {
  const samples = JSON.parse(readFileSync(datasetPath(), 'utf8')) as Sample[];
  const errorsFor = process.argv.includes('--errors') ? process.argv[process.argv.indexOf('--errors') + 1] : undefined;
  const redactor = () =>
    new Redactor({
      entities: MAPPING.map(([, ours]) => ours).filter((t): t is PiiEntityType => t !== 'CREDIT_CARD'),
      blockedPatterns: [BUILTIN_BLOCKED_PATTERNS.CREDIT_CARD],
    });

  // A fresh redactor per text, as each request builds its own.
  const pass = () => {
    const t0 = performance.now();
    const predicted = samples.map((sample) =>
      redactor()
        .detect(sample.full_text)
        .map((s): LabelledSpan => ({ label: labelOf(s), start: s.start, end: s.end })),
    );
    return { predicted, seconds: (performance.now() - t0) / 1000 };
  };
  // The first pass pays for loading lexicons and compiling code; the second shows a running server.
  const cold = pass();
  const { predicted: predictions, seconds } = pass();
  const chars = samples.reduce((n, s) => n + s.full_text.length, 0);

  const golds = samples.map((s) =>
    s.spans
      .filter((g) => OURS.has(g.entity_type))
      .map((g) => ({ label: OURS.get(g.entity_type)!, start: g.start_position, end: g.end_position })),
  );
  const goldCounts = new Map<string, number>();
  for (const g of golds.flat()) goldCounts.set(g.label, (goldCounts.get(g.label) ?? 0) + 1);

  console.log(`PII benchmark: ${samples.length} texts, ${chars} characters (${datasetPath()})`);
  console.log('\nMapping (dataset → ours); other dataset types (STREET_ADDRESS, GPE, ORGANIZATION, TITLE, AGE, NRP, ZIP_CODE) are not scored:');
  for (const [dataset, ours] of MAPPING) console.log(`  ${pad(dataset, 18)} → ${ours === 'CREDIT_CARD' ? 'BLOCKED (built-in pattern CREDIT_CARD)' : ours}`);

  for (const rule of ['exact', 'overlap'] as MatchRule[]) {
    const tallies = new Map<string, Tally>();
    samples.forEach((_, i) => tallyDocument(golds[i]!, predictions[i]!, rule, tallies));
    const title =
      rule === 'exact'
        ? 'Exact match (same start and end):'
        : 'Overlap match (shared characters ≥ 50% of both the gold and the predicted span):';
    printTable(title, tallies, goldCounts);
  }
  const presidioF2 = scores({ tp: PRESIDIO.precision * PRESIDIO.recall, fp: PRESIDIO.recall * (1 - PRESIDIO.precision), fn: PRESIDIO.precision * (1 - PRESIDIO.recall) });
  console.log(`\nReference: Presidio customised P ${PRESIDIO.precision} R ${PRESIDIO.recall} → F2 ${pct(presidioF2.f2)}`);
  const rate = (sec: number) => Math.round(chars / sec).toLocaleString('en-US');
  console.log(`Throughput: ${rate(seconds)} characters/second, warm (first, cold pass: ${rate(cold.seconds)}); one Redactor per text`);

  if (errorsFor) {
    console.log(`\nErrors for ${errorsFor} (exact rule):`);
    samples.forEach((sample, i) => {
      const gold = golds[i]!.filter((g) => g.label === errorsFor);
      const pred = predictions[i]!.filter((p) => p.label === errorsFor);
      const key = (s: LabelledSpan) => `${s.start}:${s.end}`;
      const goldKeys = new Set(gold.map(key));
      const predKeys = new Set(pred.map(key));
      const missed = gold.filter((g) => !predKeys.has(key(g))).map((g) => sample.full_text.slice(g.start, g.end));
      const extra = pred.filter((p) => !goldKeys.has(key(p))).map((p) => sample.full_text.slice(p.start, p.end));
      if (missed.length || extra.length) console.log(`- ${JSON.stringify(sample.full_text.slice(0, 140))}\n    missed ${JSON.stringify(missed)} extra ${JSON.stringify(extra)}`);
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) piiBench();
