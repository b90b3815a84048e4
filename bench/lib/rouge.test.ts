import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusRouge, rouge, rougeTokens, sentencesPerLine } from './rouge.ts';

const QMSUM_DIR = fileURLToPath(new URL('../data/qmsum-golden/', import.meta.url));

function close(actual: number, expected: number, tolerance = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);
}

test('tokens: lower-cased, split on anything but a-z0-9, stemmed only when longer than 3', () => {
  assert.deepEqual(rougeTokens("The team's MEETINGS, in 2021: café ran."), ['the', 'team', 's', 'meet', 'in', '2021', 'caf', 'ran']);
  assert.deepEqual(rougeTokens('flies dies ties'), ['fli', 'die', 'tie']);
});

test('ROUGE-1, ROUGE-2 and ROUGE-L on a hand-computed pair', () => {
  const s = rouge('the cat sat on the mat', 'the cat lay on the mat');
  close(s.rouge1.precision, 5 / 6);
  close(s.rouge1.f1, 5 / 6);
  close(s.rouge2.f1, 3 / 5);
  close(s.rougeL.f1, 5 / 6);
});

test('precision and recall follow candidate and reference lengths', () => {
  const s = rouge('a b', 'a b c d');
  close(s.rouge1.precision, 1);
  close(s.rouge1.recall, 0.5);
  close(s.rouge1.f1, 2 / 3);
  close(s.rouge2.precision, 1);
  close(s.rouge2.recall, 1 / 3);
});

test('stemming lets inflected forms match', () => {
  close(rouge('meetings were scheduled', 'the meeting was scheduled').rouge1.recall, 2 / 4);
});

test('empty texts score zero, not NaN', () => {
  const s = rouge('', 'something here');
  for (const score of Object.values(s)) assert.deepEqual(score, { precision: 0, recall: 0, f1: 0 });
  assert.equal(rouge('...', '!!!').rouge2.f1, 0);
});

test('ROUGE-Lsum: the union-LCS example of Lin (2004, §3.2)', () => {
  // r = w1..w5; c1 = w1 w2 w6 w7 w8; c2 = w1 w3 w8 w9 w5: union LCS w1 w2 w3 w5
  const s = rouge('a b f g h\na c h i e', 'a b c d e');
  close(s.rougeLsum.recall, 4 / 5);
  close(s.rougeLsum.precision, 4 / 10);
});

test('ROUGE-Lsum credits a token no more often than it occurs on both sides', () => {
  // Both reference sentences find "a", but the candidate has only one.
  const s = rouge('a', 'a b\na c');
  close(s.rougeLsum.precision, 1);
  close(s.rougeLsum.recall, 1 / 4);
});

test('ROUGE-Lsum breaks LCS ties as rouge_score does', () => {
  // LCS("x y", "y x") could be x or y; rouge_score's backtrack picks x, so
  // the union with the second sentence's x is {x}: one hit, not two.
  const s = rouge('y x\nx', 'x y');
  close(s.rougeLsum.precision, 1 / 3);
  close(s.rougeLsum.recall, 1 / 2);
});

test('sentencesPerLine puts one sentence on each line', () => {
  assert.equal(sentencesPerLine('we met . mr. x agreed . done'), 'we met .\nmr. x agreed .\ndone');
});

test('corpus scores are the mean of per-example scores', () => {
  const s = corpusRouge([
    { candidate: 'a b', reference: 'a b' },
    { candidate: 'a', reference: 'b' },
  ]);
  close(s.rouge1.f1, 0.5);
  assert.throws(() => corpusRouge([]), RangeError);
});

test('golden: HMNet outputs on QMSum score the published 36.51 / 11.41 / 31.60 (±0.5)', () => {
  const predsPath = `${QMSUM_DIR}hmnet-preds.txt`;
  const refsPath = `${QMSUM_DIR}hmnet-refs.txt`;
  assert.ok(
    existsSync(predsPath) && existsSync(refsPath),
    `QMSum golden data missing: expected ${predsPath} and ${refsPath} (see bench/data/qmsum-golden/README.md)`,
  );
  const read = (path: string): string[] => readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const preds = read(predsPath);
  const refs = read(refsPath);
  assert.equal(preds.length, 279);
  assert.equal(refs.length, 279);

  // The published ROUGE-L is the summary-level score over sentences.
  const s = corpusRouge(
    preds.map((pred, i) => ({ candidate: sentencesPerLine(pred), reference: sentencesPerLine(refs[i]) })),
  );
  close(s.rouge1.f1 * 100, 36.51, 0.5);
  close(s.rouge2.f1 * 100, 11.41, 0.5);
  close(s.rougeLsum.f1 * 100, 31.6, 0.5);
  // Whole-text LCS is a different, much lower figure on multi-sentence summaries.
  assert.ok(s.rougeL.f1 * 100 < 25, `sentence-free ROUGE-L ${s.rougeL.f1 * 100}`);
});
