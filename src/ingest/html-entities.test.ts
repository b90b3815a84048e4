import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEntities } from './html-entities.ts';

describe('decodeEntities', () => {
  it('decodes the named references captions use', () => {
    assert.equal(decodeEntities('&amp;&lt;&gt;&quot;&apos;&nbsp;&lrm;&rlm;'), '&<>"\'\u00a0\u200e\u200f');
  });

  it('decodes decimal and hexadecimal references', () => {
    assert.equal(decodeEntities('&#233;&#x263A;&#X1F600;'), 'é☺😀');
  });

  it('leaves unknown names, invalid code points and bare ampersands as written', () => {
    assert.equal(decodeEntities('&bogus; &#0; &#xD800; &#x110000; R&D &amp'), '&bogus; &#0; &#xD800; &#x110000; R&D &amp');
  });
});
