import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeTranscriptText } from './decode-text.ts';
import { MAX_TRANSCRIPT_BYTES } from './limits.ts';

const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

describe('decodeTranscriptText', () => {
  it('decodes UTF-8 and drops its BOM', () => {
    assert.equal(decodeTranscriptText('a.txt', Buffer.from('\uFEFFChloé: ça va')), 'Chloé: ça va');
    assert.equal(decodeTranscriptText('a.txt', '\uFEFFAna: hi'), 'Ana: hi');
  });

  it('decodes UTF-16 with a little- or big-endian BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë: 你好\n', 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('Zoë: 你好\n')]);
    assert.equal(decodeTranscriptText('a.txt', le), 'Zoë: 你好\n');
    assert.equal(decodeTranscriptText('a.txt', be), 'Zoë: 你好\n');
  });

  it('normalises CRLF and CR line ends', () => {
    assert.equal(decodeTranscriptText('a.txt', 'a\r\nb\rc\n'), 'a\nb\nc\n');
  });

  it('rejects binary content as not a text transcript', () => {
    assert.throws(() => decodeTranscriptText('a.txt', Buffer.from([0x41, 0x00, 0x42])), {
      name: 'ParseError',
      message: 'a.txt:1: is not a text transcript: it contains NUL bytes',
    });
    // A NUL byte decides before the decoder could object to the bytes around it.
    assert.throws(() => decodeTranscriptText('a.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff])), {
      message: 'a.txt:1: is not a text transcript: it contains NUL bytes',
    });
    assert.throws(() => decodeTranscriptText('a.txt', 'Ana\0'), { message: 'a.txt:1: is not a text transcript: it contains NUL bytes' });
    assert.throws(() => decodeTranscriptText('a.txt', Buffer.from([0x41, 0xc3, 0x28])), {
      name: 'ParseError',
      message: 'a.txt:1: is not a text transcript: it is not valid UTF-8',
    });
    assert.throws(() => decodeTranscriptText('a.txt', Buffer.from([0xff, 0xfe, 0x41])), {
      message: 'a.txt:1: is not a text transcript: it is not valid UTF-16LE',
    });
    // UTF-16 text without a BOM is indistinguishable from binary data.
    assert.throws(() => decodeTranscriptText('a.txt', Buffer.from('Ana: hi', 'utf16le')), { message: /contains NUL bytes/ });
  });

  it('rejects content over 50 MB before decoding it, saying the size and the limit', () => {
    const expected = {
      name: 'AppError',
      code: 'payload_too_large',
      message: `big.txt is ${MAX_TRANSCRIPT_BYTES + 1} bytes; the limit for a transcript is ${MAX_TRANSCRIPT_BYTES} bytes (50 MB)`,
    };
    // Zero bytes would be refused as binary if they were decoded, so this proves the order of the checks.
    assert.throws(() => decodeTranscriptText('big.txt', Buffer.alloc(MAX_TRANSCRIPT_BYTES + 1)), expected);
    assert.throws(() => decodeTranscriptText('big.txt', 'a'.repeat(MAX_TRANSCRIPT_BYTES + 1)), expected);
    // The limit counts UTF-8 bytes, not characters.
    assert.throws(() => decodeTranscriptText('big.txt', 'é'.repeat(MAX_TRANSCRIPT_BYTES / 2 + 1)), { code: 'payload_too_large' });
    assert.equal(decodeTranscriptText('big.txt', 'a'.repeat(MAX_TRANSCRIPT_BYTES)).length, MAX_TRANSCRIPT_BYTES);
  });
});
