import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseCsv } from './csv-records.ts';

it('parses quoted fields with commas, quotes and line breaks, keeping start lines', () => {
  const text = '\ufeffemail,name\r\na@x.io,"Lee, Ann"\n\nb@x.io,"Say ""hi""\nthere"\nc@x.io,\n';
  assert.deepEqual(parseCsv(text, 'u.csv'), [
    { line: 1, fields: ['email', 'name'] },
    { line: 2, fields: ['a@x.io', 'Lee, Ann'] },
    { line: 4, fields: ['b@x.io', 'Say "hi"\nthere'] },
    { line: 6, fields: ['c@x.io', ''] },
  ]);
});

it('names the line of malformed quoting', () => {
  assert.throws(() => parseCsv('a,b\nx,"open\n', 'u.csv'), /u\.csv:2: a quoted field is never closed/);
  assert.throws(() => parseCsv('a,b\nx,ab"c"\n', 'u.csv'), /u\.csv:2: a quote inside an unquoted field/);
  assert.throws(() => parseCsv('a,b\nx,"ab"c\n', 'u.csv'), /u\.csv:2: text after a closing quote/);
});
