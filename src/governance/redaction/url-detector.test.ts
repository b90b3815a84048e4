import assert from 'node:assert/strict';
import { test } from 'node:test';
import { found } from './test-helpers.ts';
import { trimUrl, urlDetector } from './url-detector.ts';

test('URLs with a scheme or www, trailing punctuation excluded', () => {
  assert.deepEqual(found(urlDetector, 'See https://www.UEarly.se/, or (http://x.org/a_(b)).'), ['https://www.UEarly.se/', 'http://x.org/a_(b)']);
  assert.deepEqual(found(urlDetector, 'Go to www.example.com/path?q=1!'), ['www.example.com/path?q=1']);
});

test('bare domains with a known top-level domain', () => {
  assert.deepEqual(found(urlDetector, 'I work at example.com and shop.example.co.uk/cart'), ['example.com', 'shop.example.co.uk/cart']);
});

test('file names, abbreviations and missing spaces are not domains', () => {
  assert.deepEqual(found(urlDetector, 'Open README.md and setup.py, e.g. the end.It was index.html on node.js'), []);
});

test('ambiguous top-level domains count with a path or a second-level label', () => {
  assert.deepEqual(found(urlDetector, 'shop.co.in and example.it/menu'), ['shop.co.in', 'example.it/menu']);
});

test('trimUrl keeps balanced brackets', () => {
  assert.equal(trimUrl('http://en.wikipedia.org/wiki/Foo_(bar))'), 'http://en.wikipedia.org/wiki/Foo_(bar)');
  assert.equal(trimUrl('https://example.com/a.'), 'https://example.com/a');
});
