import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catchScimError } from './testing.ts';
import { parseAttributePath, parseFilter, parsePatchPath, type FilterNode } from './filter.ts';

/** The filter examples of RFC 7644 §3.4.2.2. */
const RFC_FILTER_EXAMPLES = [
  'userName eq "bjensen"',
  'name.familyName co "O\'Malley"',
  'userName sw "J"',
  'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
  'title pr',
  'meta.lastModified gt "2011-05-13T04:42:34Z"',
  'meta.lastModified ge "2011-05-13T04:42:34Z"',
  'meta.lastModified lt "2011-05-13T04:42:34Z"',
  'meta.lastModified le "2011-05-13T04:42:34Z"',
  'title pr and userType eq "Employee"',
  'title pr or userType eq "Intern"',
  'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
  'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
  'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
  'userType eq "Employee" and (emails.type eq "work")',
  'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
  'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
];


const attr = (attribute: string, subAttribute?: string) => (subAttribute ? { attribute, subAttribute } : { attribute });
const present = (attribute: string): FilterNode => ({ kind: 'present', path: attr(attribute) });

describe('parseFilter', () => {
  it('parses every example of RFC 7644 §3.4.2.2', () => {
    for (const example of RFC_FILTER_EXAMPLES) assert.doesNotThrow(() => parseFilter(example), example);
  });

  it('builds comparisons with sub-attributes and schema-qualified paths', () => {
    assert.deepEqual(parseFilter('name.familyName co "O\'Malley"'), {
      kind: 'compare',
      path: attr('name', 'familyName'),
      op: 'co',
      value: "O'Malley",
    });
    assert.deepEqual(parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"'), {
      kind: 'compare',
      path: { schema: 'urn:ietf:params:scim:schemas:core:2.0:User', attribute: 'userName' },
      op: 'sw',
      value: 'J',
    });
    assert.deepEqual(parseFilter('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915"'), {
      kind: 'compare',
      path: { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'manager', subAttribute: 'value' },
      op: 'eq',
      value: '26118915',
    });
  });

  it('gives not precedence over and, and and over or', () => {
    assert.deepEqual(parseFilter('a pr or b pr and c pr'), {
      kind: 'or',
      left: present('a'),
      right: { kind: 'and', left: present('b'), right: present('c') },
    });
    assert.deepEqual(parseFilter('not (a pr) and b pr'), {
      kind: 'and',
      left: { kind: 'not', filter: present('a') },
      right: present('b'),
    });
    assert.deepEqual(parseFilter('(a pr or b pr) and c pr'), {
      kind: 'and',
      left: { kind: 'or', left: present('a'), right: present('b') },
      right: present('c'),
    });
  });

  it('reads operators, logical words and literals regardless of case', () => {
    assert.deepEqual(parseFilter('userName EQ "x" AND NOT(active Eq TRUE) Or title PR'), {
      kind: 'or',
      left: {
        kind: 'and',
        left: { kind: 'compare', path: attr('userName'), op: 'eq', value: 'x' },
        right: { kind: 'not', filter: { kind: 'compare', path: attr('active'), op: 'eq', value: true } },
      },
      right: present('title'),
    });
  });

  it('parses number, boolean and null literals and JSON escapes', () => {
    const value = (text: string) => (parseFilter(`x eq ${text}`) as { value: unknown }).value;
    assert.equal(value('42'), 42);
    assert.equal(value('-1.5e3'), -1500);
    assert.equal(value('false'), false);
    assert.equal(value('null'), null);
    assert.equal(value('"a\\"b\\\\c\\u00e9 \\/"'), 'a"b\\cé /');
  });

  it('parses value paths, keeping their inner paths relative', () => {
    assert.deepEqual(parseFilter('emails[type eq "work" and value co "@example.com"]'), {
      kind: 'valuePath',
      path: attr('emails'),
      filter: {
        kind: 'and',
        left: { kind: 'compare', path: attr('type'), op: 'eq', value: 'work' },
        right: { kind: 'compare', path: attr('value'), op: 'co', value: '@example.com' },
      },
    });
  });

  it('reads Entra ID’s emails[type eq "work"].value eq "…" as one value path', () => {
    assert.deepEqual(
      parseFilter('emails[type eq "work"].value eq "ann@example.com"'),
      parseFilter('emails[type eq "work" and value eq "ann@example.com"]'),
    );
  });

  describe('errors', () => {
    const cases: [string, string][] = [
      ['', 'invalid filter at position 1: the filter is empty'],
      ['userName equals "x"', 'invalid filter at position 10: expected "pr" or an operator (eq, ne, co, sw, ew, gt, ge, lt, le) after "userName", found "equals"'],
      ['userName eq', 'invalid filter at position 12: expected a value (a string in double quotes, a number, true, false or null), found the end'],
      ['externalId eq jyoung', 'invalid filter at position 15: expected a value (a string in double quotes, a number, true, false or null), found "jyoung"'],
      ['(userName eq "x"', 'invalid filter at position 17: expected ")", found the end'],
      ['userName eq "x', 'invalid filter at position 13: the string is not closed with a double quote'],
      ['userName eq "a\\qb"', 'invalid filter at position 13: the string contains an invalid escape or control character'],
      ['userName eq "x" title pr', 'invalid filter at position 17: expected "and", "or" or the end, found "title"'],
      ['userName eq "x" and', 'invalid filter at position 20: expected an attribute name, "not" or "(", found the end'],
      ['emails[type eq "work"', 'invalid filter at position 22: expected "]", found the end'],
      ['emails[type eq "work" and x[y pr]]', 'invalid filter at position 28: a value filter cannot contain another "["'],
      ['emails[urn:a:b:type eq "work"]', 'invalid filter at position 8: inside "[...]" use a sub-attribute name, found "urn:a:b:type"'],
      ['emails.value[type eq "work"]', 'invalid filter at position 13: "[" must follow the attribute name, not the sub-attribute "value"'],
      ['a.b.c pr', 'invalid filter at position 1: "a.b.c" is not an attribute path (expected name, name.subName or a schema URN followed by ":name")'],
      ['not title pr', 'invalid filter at position 5: expected "(", found "title"'],
      ['userName eq "x" # 1', 'invalid filter at position 17: unexpected "#"'],
    ];
    for (const [filter, message] of cases) {
      it(`rejects ${JSON.stringify(filter)}`, () => {
        const error = catchScimError(() => parseFilter(filter));
        assert.equal(error.message, message);
        assert.equal(error.scimType, 'invalidFilter');
        assert.equal(error.status, 400);
      });
    }

    it('rejects nesting deeper than 32 levels', () => {
      const deep = `${'('.repeat(40)}a pr${')'.repeat(40)}`;
      assert.match(catchScimError(() => parseFilter(deep)).message, /nested more than 32 levels deep/);
      assert.doesNotThrow(() => parseFilter(`${'('.repeat(30)}a pr${')'.repeat(30)}`));
    });

    it('rejects overlong filters', () => {
      const long = Array.from({ length: 700 }, (_, i) => `a${i} pr`).join(' and ');
      assert.match(catchScimError(() => parseFilter(long)).message, /longer than 2000 tokens/);
    });
  });
});

describe('parsePatchPath', () => {
  it('parses attributes, sub-attributes and schema-qualified paths', () => {
    assert.deepEqual(parsePatchPath('displayName'), { path: attr('displayName') });
    assert.deepEqual(parsePatchPath('name.familyName'), { path: attr('name', 'familyName') });
    assert.deepEqual(parsePatchPath('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber'), {
      path: { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', attribute: 'employeeNumber' },
    });
  });

  it('parses value filters with and without a trailing sub-attribute', () => {
    assert.deepEqual(parsePatchPath('members[value eq "2819c223-7f76-453a-919d-413861904646"]'), {
      path: attr('members'),
      filter: { kind: 'compare', path: attr('value'), op: 'eq', value: '2819c223-7f76-453a-919d-413861904646' },
    });
    assert.deepEqual(parsePatchPath('addresses[type eq "work"].streetAddress'), {
      path: attr('addresses', 'streetAddress'),
      filter: { kind: 'compare', path: attr('type'), op: 'eq', value: 'work' },
    });
  });

  it('reports path errors as invalidPath with a position', () => {
    const unclosed = catchScimError(() => parsePatchPath('members[value eq "x"'));
    assert.equal(unclosed.scimType, 'invalidPath');
    assert.equal(unclosed.message, 'invalid path at position 21: expected "]", found the end');
    assert.equal(catchScimError(() => parsePatchPath('members eq "x"')).message, 'invalid path at position 9: expected the end of the path, found "eq"');
    assert.equal(catchScimError(() => parsePatchPath('"members"')).message, 'invalid path at position 1: expected an attribute path, found "members"');
  });
});

describe('parseAttributePath', () => {
  it('parses a path and refuses filters', () => {
    assert.deepEqual(parseAttributePath('name.givenName'), attr('name', 'givenName'));
    const error = catchScimError(() => parseAttributePath('emails[type eq "work"]'));
    assert.equal(error.scimType, 'invalidPath');
    assert.equal(error.message, 'invalid attribute path "emails[type eq "work"]": filters are not allowed here');
  });
});
