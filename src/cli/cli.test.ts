import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCaptured, STANDUP } from './testing.ts';

describe('confer CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'confer-cli-'));
    env = { CONFER_DATABASE_URL: join(dir, 'confer.db') };
    writeFileSync(join(dir, 'standup.txt'), STANDUP);
    writeFileSync(join(dir, 'broken.srt'), '1\n00:00:01,000 --> 00:00:02,000\nAnn: hi\n\n2\n00:00:0x,000 --> 00:00:04,000\nBo: hello\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('summarizes a file as JSON with sections and citations, with no server or configuration', async () => {
    const { code, stdout } = await cli('summarize', join(dir, 'standup.txt'), '--json');
    assert.equal(code, 0);
    const summary = JSON.parse(stdout);
    for (const key of ['overview', 'keyPoints', 'decisions', 'actionItems', 'nextSteps', 'chapters']) assert.ok(key in summary, key);
    const action = summary.actionItems.find((a: { owner: string }) => a.owner === 'Bo Chen');
    assert.equal(action.due, '2026-03-06');
    assert.deepEqual(action.citations[0], { artifactId: summary.meetingId, segment: 1, start: 12, end: 20, speaker: 'Bo Chen' });
  });

  it('prints markdown by default and plain text with --format text', async () => {
    const md = await cli('summarize', join(dir, 'standup.txt'));
    assert.equal(md.code, 0);
    assert.match(md.stdout, /^# Platform stand-up/m);
    assert.match(md.stdout, /## Action items/);
    assert.match(md.stdout, /\*\*Bo Chen\*\*.*due 2026-03-06/);
    const text = await cli('summarize', join(dir, 'standup.txt'), '--format', 'text');
    assert.equal(text.code, 0);
    assert.doesNotMatch(text.stdout, /#|\*\*|\[\d+:\d+/);
    assert.match(text.stdout, /billing export/);
  });

  it('honours --max-words', async () => {
    const { stdout } = await cli('summarize', join(dir, 'standup.txt'), '--json', '--max-words', '12');
    const s = JSON.parse(stdout);
    const words = [s.overview.text, ...s.keyPoints.map((k: { text: string }) => k.text)].join(' ').split(/\s+/).filter(Boolean).length;
    assert.ok(words <= 12, `${words} ≤ 12`);
  });

  it('answers questions: cited when covered, and says so when not', async () => {
    const covered = await cli('ask', join(dir, 'standup.txt'), 'What happened to the staging database?', '--json');
    assert.equal(covered.code, 0);
    const answer = JSON.parse(covered.stdout);
    assert.deepEqual(Object.keys(answer).sort(), ['answer', 'citations', 'covered', 'sources']);
    assert.equal(answer.covered, true);
    assert.equal(answer.citations[0].speaker, 'Cy Diaz');
    assert.equal(answer.sources[0].score, 1);
    assert.ok(answer.sources.some((source: { segment: number }) => source.segment === answer.citations[0].segment));
    const missing = await cli('ask', join(dir, 'standup.txt'), 'What is our parental leave policy?', '--json');
    assert.equal(JSON.parse(missing.stdout).covered, false);
    const text = await cli('ask', join(dir, 'standup.txt'), 'What happened to the staging database?', '--format', 'text');
    assert.match(text.stdout, /disk space/);
    assert.doesNotMatch(text.stdout, /Sources:|segment \d/);
    const minutes = await cli('ask', join(dir, 'standup.txt'), 'What happened to the staging database?', '--format', 'text', '--style', 'minutes');
    assert.equal(minutes.code, 0);
    assert.match(minutes.stdout, /disk space/);
    assert.doesNotMatch(minutes.stdout, /"/);
  });

  it('rejects a malformed file with file:line on stderr, a non-zero exit, and stores nothing', async () => {
    const before = JSON.parse((await cli('meetings', 'list', '--json')).stdout).total;
    const { code, stderr, stdout } = await cli('summarize', join(dir, 'broken.srt'));
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /broken\.srt:6: /);
    const ingest = await cli('ingest', join(dir, 'standup.txt'), join(dir, 'broken.srt'));
    assert.notEqual(ingest.code, 0);
    assert.equal(JSON.parse((await cli('meetings', 'list', '--json')).stdout).total, before);
  });

  it('reports a missing file and bad options clearly', async () => {
    const missing = await cli('summarize', join(dir, 'nope.vtt'));
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /cannot read .*nope\.vtt: no such file/);
    const bad = await cli('summarize', join(dir, 'standup.txt'), '--max-words', 'ten');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-words must be a positive whole number/);
    const format = await cli('summarize', join(dir, 'standup.txt'), '--format', 'pdf');
    assert.match(format.stderr, /--format must be one of markdown, text/);
    const style = await cli('ask', join(dir, 'standup.txt'), 'What happened?', '--style', 'prose');
    assert.equal(style.code, 2);
    assert.match(style.stderr, /--style must be one of quotes, minutes; got "prose"/);
    const unknown = await cli('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command/);
  });

  it('says a directory or a missing file is not a readable input, for every command that reads a file', async () => {
    for (const argv of [['summarize', dir], ['ask', dir, 'why?'], ['ingest', join(dir, 'standup.txt'), dir], ['redact', dir], ['users', 'import', dir]]) {
      const { code, stdout, stderr } = await cli(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stdout, '');
      assert.equal(stderr, `confer: cannot read ${dir}: it is a directory; name a file\n`);
    }
    const missing = await cli('redact', join(dir, 'nope.txt'));
    assert.equal(missing.code, 4);
    assert.equal(missing.stderr, `confer: cannot read ${join(dir, 'nope.txt')}: no such file\n`);
  });

  it('says which output file cannot be written, and a failed export keeps the file already there', async () => {
    const dirOut = await cli('audit', 'export', '--out', dir);
    assert.equal(dirOut.code, 2);
    assert.equal(dirOut.stderr, `confer: cannot write ${dir}: it is a directory; name a file\n`);
    const noDir = await cli('audit', 'export', '--out', join(dir, 'missing', 'audit.jsonl'));
    assert.equal(noDir.code, 2);
    assert.match(noDir.stderr, /cannot write .*audit\.jsonl: its directory does not exist/);
    const kept = join(dir, 'kept.jsonl');
    writeFileSync(kept, 'earlier export\n');
    const failed = await cli('audit', 'export', '--out', kept, '--since', 'whenever');
    assert.equal(failed.code, 2);
    assert.equal(readFileSync(kept, 'utf8'), 'earlier export\n');
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('partial')), []);
    assert.equal((await cli('audit', 'export', '--out', kept)).code, 0);
    assert.ok(readFileSync(kept, 'utf8').split('\n').filter(Boolean).every((line) => JSON.parse(line).action));
  });

  it('names the database it cannot open instead of a bare driver message', async () => {
    const notDb = join(dir, 'standup.txt');
    for (const url of [dir, notDb]) {
      const { code, stderr } = await runCaptured(['meetings', 'list'], { CONFER_DATABASE_URL: url });
      assert.equal(code, 2, url);
      assert.match(stderr, new RegExp(`^confer: cannot open the sqlite database at ${url}: .+; set CONFER_DATABASE_URL to a SQLite file or a postgres:// URL\n$`));
    }
    assert.equal(readFileSync(notDb, 'utf8'), STANDUP, 'the file named by mistake is left as it was');
  });

  it('says so when the port to serve on is taken, with exit 5 and no stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, stderr } = await cli('serve', '--port', String(port));
      assert.equal(code, 5);
      assert.equal(stderr, `confer: cannot listen on 127.0.0.1:${port}: the address is already in use; stop the other process or choose another --port\n`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('ingests files, lists and shows meetings', async () => {
    const copy = join(dir, 'standup-2.txt');
    writeFileSync(copy, STANDUP.replace('Platform stand-up', 'Second stand-up'));
    const ingest = await cli('ingest', copy);
    assert.equal(ingest.code, 0);
    assert.match(ingest.stderr, /stored .*standup-2\.txt as mtg_/);
    assert.match(ingest.stdout, /Second stand-up\t4 segments\tsummary ready/);
    const list = await cli('meetings', 'list');
    assert.match(list.stdout, /Second stand-up/);
    const found = await cli('meetings', 'list', '-q', 'billing', '--json');
    assert.equal(JSON.parse(found.stdout).total, 2);
    const huge = await cli('meetings', 'list', '--limit', '1e9');
    assert.equal(huge.code, 2);
    assert.match(huge.stderr, /--limit: expected a whole number from 1 to 100, got "1e9"/);
    const id = /mtg_\w+/.exec(ingest.stdout)![0];
    const show = await cli('meetings', 'show', id);
    assert.match(show.stdout, /## Action items/);
    const unknown = await cli('meetings', 'show', 'mtg_nothing');
    assert.equal(unknown.code, 4);
    assert.match(unknown.stderr, /meeting mtg_nothing was not found/);
  });

  it('bootstraps an account with a token shown once, and migrates', async () => {
    const { code, stdout } = await cli('admin', 'bootstrap', '--owner-email', 'ceo@example.org', '--account-name', 'Example', '--region', 'SG', '--json');
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.account.deploymentMode, 'self-hosted-only');
    assert.match(result.token, /^cfr_/);
    const again = await cli('admin', 'bootstrap', '--owner-email', 'x@example.org', '--account-name', 'Example');
    assert.equal(again.code, 5);
    const badRegion = await cli('admin', 'bootstrap', '--owner-email', 'x@example.org', '--account-name', 'Other', '--region', 'Mars!');
    assert.match(badRegion.stderr, /region: "Mars!" is not a region code/);
    const migrate = await cli('migrate');
    assert.match(migrate.stdout, /up to date/);
  });
});
