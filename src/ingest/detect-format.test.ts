import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectTranscriptFormat } from './detect-format.ts';
import { parseTranscript } from './transcript.ts';

const VTT = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hi';
const SRT = '1\n00:00:01,000 --> 00:00:02,000\nAna: Hi\n';
const JSON_SEGMENTS = '[{"speaker": "Ana", "text": "Hi"}]';
const TEXT = '[00:00:01] Ana: Hi';

describe('detectTranscriptFormat', () => {
  it('recognises each format from its content alone', () => {
    assert.equal(detectTranscriptFormat('upload', VTT), 'webvtt');
    assert.equal(detectTranscriptFormat('upload', SRT), 'srt');
    assert.equal(detectTranscriptFormat('upload', JSON_SEGMENTS), 'json');
    assert.equal(detectTranscriptFormat('upload', '{"segments": []}'), 'json');
    assert.equal(detectTranscriptFormat('upload', TEXT), 'text');
    assert.equal(detectTranscriptFormat('upload', ''), 'text');
  });

  it('lets content override the extension', () => {
    assert.equal(detectTranscriptFormat('meeting.txt', VTT), 'webvtt');
    assert.equal(detectTranscriptFormat('meeting.json', SRT), 'srt');
    assert.equal(detectTranscriptFormat('meeting.vtt', JSON_SEGMENTS), 'json');
    assert.equal(detectTranscriptFormat('meeting.srt', 'WEBVTT header text\n'), 'webvtt');
  });

  it('sees SRT after front matter and blank lines, and WebVTT after a BOM or blank lines', () => {
    assert.equal(detectTranscriptFormat('x', `---\ntitle: a\n---\n\n${SRT}`), 'srt');
    assert.equal(detectTranscriptFormat('x', `\r\n\r\n${SRT.replaceAll('\n', '\r\n')}`), 'srt');
    assert.equal(detectTranscriptFormat('x', `\uFEFF${VTT}`), 'webvtt');
    assert.equal(detectTranscriptFormat('x', `\n\n${VTT}`), 'webvtt');
  });

  it('uses the extension only when the content proves no format', () => {
    assert.equal(detectTranscriptFormat('broken.json', '{"segments": ['), 'json');
    assert.equal(detectTranscriptFormat('broken.srt', '1\n00:00:01 --> 00:00:02\nHi'), 'srt');
    assert.equal(detectTranscriptFormat('notes.VTT', 'Ana: hi'), 'webvtt');
    assert.equal(detectTranscriptFormat('notes.txt', '{"segments": ['), 'text');
    assert.equal(detectTranscriptFormat('notes.docx', 'Ana: hi'), 'text');
    assert.equal(detectTranscriptFormat('json', 'Ana: hi'), 'text');
  });

  it('drives parseTranscript unless a format is forced', () => {
    assert.equal(parseTranscript({ filename: 'meeting.txt', content: VTT }).format, 'webvtt');
    assert.throws(() => parseTranscript({ filename: 'broken.srt', content: '1\n00:00:01 --> 00:00:02\nHi' }), {
      message: 'broken.srt:2: timing "00:00:01 --> 00:00:02" is not hh:mm:ss,mmm',
    });
    assert.throws(() => parseTranscript({ filename: 'meeting.vtt', content: SRT, format: 'webvtt' }), {
      message: /^meeting\.vtt:1: missing "WEBVTT" header/,
    });
  });
});
