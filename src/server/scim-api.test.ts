import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECTS } from '../store/testing.ts';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import type { ManualClock } from '../core/clock.ts';
import { runFeature } from '../features/run-feature.ts';
import { issueToken } from '../governance/tokens.ts';
import { createApp } from './app.ts';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const CONFER = 'urn:confer:params:scim:schemas:extension:confer:2.0:User';
const CONFER_GROUP = 'urn:confer:params:scim:schemas:extension:confer:2.0:Group';

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`SCIM 2.0 service: ${dialect.name}`, { skip: skip ?? false }, () => {
    let world: TestWorld;
    let app: ReturnType<typeof createApp>;
    let scimToken: string;
    const scim = async (method: string, path: string, body?: unknown, token: string | null = scimToken) => {
      const res = await app.request(`http://confer.test/scim/v2${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/scim+json' } : {}) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, type: res.headers.get('content-type'), location: res.headers.get('location'), body: text ? (JSON.parse(text) as any) : null };
    };
    const store = () => world.services.store;

    before(async () => {
      world = await createTestWorld({ testStore: await dialect.create() });
      app = createApp(world.services);
      scimToken = (await issueToken(store(), world.services.clock, { accountId: world.account.id, userId: world.owner.id, name: 'okta', kind: 'scim' })).token;
    });
    after(() => world.close());

    describe('authentication and discovery', () => {
      it('needs a SCIM token: none, API tokens and member-owned tokens are refused', async () => {
        const none = await scim('GET', '/Users', undefined, null);
        assert.equal(none.status, 401);
        assert.equal(none.type, 'application/scim+json');
        assert.deepEqual(none.body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
        const api = await scim('GET', '/Users', undefined, world.ownerToken);
        assert.equal(api.status, 401);
        assert.equal(api.body.detail, 'invalid bearer token: an API token is not accepted here; send a SCIM token');
        const member = await world.addUser();
        const memberScim = (await issueToken(store(), world.services.clock, { accountId: world.account.id, userId: member.id, name: 'x', kind: 'scim' })).token;
        assert.equal((await scim('GET', '/Users', undefined, memberScim)).status, 403);
      });

      it('refuses a body over the limit with a SCIM error, whatever its size', async () => {
        for (const bytes of [2 * 1024 * 1024, 11 * 1024 * 1024]) {
          const big = await scim('POST', '/Users', JSON.stringify({ userName: 'x'.repeat(bytes) }));
          assert.equal(big.status, 413);
          assert.equal(big.type, 'application/scim+json');
          assert.deepEqual(big.body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
          assert.equal(big.body.detail, 'the request body exceeds 1048576 bytes');
        }
      });

      it('serves ServiceProviderConfig, ResourceTypes and Schemas including the Confer extension', async () => {
        const config = await scim('GET', '/ServiceProviderConfig', undefined, null);
        assert.equal(config.status, 200);
        assert.equal(config.body.patch.supported, true);
        const types = await scim('GET', '/ResourceTypes');
        assert.deepEqual(types.body.Resources.map((r: any) => r.id).sort(), ['Group', 'User']);
        assert.equal((await scim('GET', '/ResourceTypes/User')).body.endpoint, '/Users');
        const schemas = await scim('GET', '/Schemas');
        const confer = schemas.body.Resources.find((s: any) => s.id === CONFER);
        assert.deepEqual(confer.attributes.map((a: any) => a.name).sort(), ['aiAccess', 'customAddOn']);
        assert.equal((await scim('GET', `/Schemas/${USER}`)).body.id, USER);
        assert.equal((await scim('GET', '/Schemas/urn:nope')).status, 404);
      });
    });

    describe('RFC 7643/7644 examples', () => {
      let bjensen: any;
      it('creates the RFC 7643 §8.2 full user, keeping what Confer stores and reporting the rest', async () => {
        const res = await scim('POST', '/Users', {
          schemas: [USER, ENTERPRISE],
          externalId: '701984',
          userName: 'bjensen@example.com',
          name: { formatted: 'Ms. Barbara J Jensen, III', familyName: 'Jensen', givenName: 'Barbara', middleName: 'Jane', honorificPrefix: 'Ms.', honorificSuffix: 'III' },
          displayName: 'Babs Jensen',
          nickName: 'Babs',
          emails: [
            { value: 'bjensen@example.com', type: 'work', primary: true },
            { value: 'babs@jensen.org', type: 'home' },
          ],
          userType: 'Employee',
          title: 'Tour Guide',
          preferredLanguage: 'en-US',
          locale: 'en-US',
          timezone: 'America/Los_Angeles',
          active: true,
          password: 't1meMa$heen',
          [ENTERPRISE]: { employeeNumber: '701984', costCenter: '4130', department: 'Tour Operations' },
        });
        assert.equal(res.status, 201);
        bjensen = res.body;
        assert.equal(res.location, `http://confer.test/scim/v2/Users/${bjensen.id}`);
        assert.equal(bjensen.userName, 'bjensen@example.com');
        assert.equal(bjensen.externalId, '701984');
        assert.equal(bjensen.active, true);
        assert.equal(bjensen.password, undefined);
        assert.deepEqual(bjensen[CONFER], { aiAccess: true, customAddOn: false });
        const [created] = await store().audit.list(world.account.id, { action: 'user.create', targetId: bjensen.id });
        assert.equal(created.details.via, 'scim');
        assert.ok((created.details.ignoredAttributes as string[]).includes('title'));
        const dup = await scim('POST', '/Users', { schemas: [USER], userName: 'BJensen@example.com' });
        assert.equal(dup.status, 409);
        assert.equal(dup.body.scimType, 'uniqueness');
      });

      it('answers the RFC 7644 §3.4.2.2 filters with pagination and projection', async () => {
        for (const email of ['jim@example.com', 'jane@example.com', 'zed@example.org']) {
          (world.services.clock as ManualClock).advance(60_000);
          assert.equal((await scim('POST', '/Users', { schemas: [USER], userName: email })).status, 201);
        }
        const names = async (filter: string) =>
          (await scim('GET', `/Users?filter=${encodeURIComponent(filter)}&count=50`)).body.Resources.map((r: any) => r.userName).sort();
        assert.deepEqual(await names('userName eq "bjensen@example.com"'), ['bjensen@example.com']);
        assert.deepEqual(await names('userName sw "J"'), ['jane@example.com', 'jim@example.com']);
        assert.deepEqual(await names('userName co "example.org"'), ['zed@example.org']);
        assert.deepEqual(await names('userName ew ".org" or externalId pr'), ['bjensen@example.com', 'zed@example.org']);
        const others = await names('not (userName co "example") and active eq true');
        assert.ok(others.includes('owner@acme.test') && others.every((n: string) => !n.includes('example')));
        assert.deepEqual(await names('userName ne "jim@example.com" and userName sw "j"'), ['jane@example.com']);
        const since = bjensen.meta.created;
        assert.deepEqual(await names(`meta.created gt "${since}" and userName co "example"`), ['jane@example.com', 'jim@example.com', 'zed@example.org']);
        assert.deepEqual(await names(`meta.created lt "${since}" and userName co "example"`), []);
        const bad = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq')}`);
        assert.equal(bad.status, 400);
        assert.equal(bad.body.scimType, 'invalidFilter');
        const page = await scim('GET', `/Users?filter=${encodeURIComponent('userName co "example"')}&startIndex=2&count=2&attributes=userName`);
        assert.equal(page.body.totalResults, 4);
        assert.equal(page.body.startIndex, 2);
        assert.equal(page.body.itemsPerPage, 2);
        assert.deepEqual(Object.keys(page.body.Resources[0]).sort(), ['id', 'meta', 'schemas', 'userName']);
        const excluded = await scim('GET', `/Users/${bjensen.id}?excludedAttributes=emails,name`);
        assert.equal(excluded.body.emails, undefined);
        assert.equal(excluded.body.userName, 'bjensen@example.com');
      });

      it('applies the RFC 7644 §3.5.2 PATCH examples to groups', async () => {
        const created = await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Tour Guides', members: [{ value: bjensen.id, display: 'Babs Jensen' }] });
        assert.equal(created.status, 201);
        const jim = (await store().users.getByEmail(world.account.id, 'jim@example.com'))!;
        const add = await scim('PATCH', `/Groups/${created.body.id}`, {
          schemas: [PATCH],
          Operations: [{ op: 'add', path: 'members', value: [{ display: 'Jim', $ref: `http://confer.test/scim/v2/Users/${jim.id}`, value: jim.id }] }],
        });
        assert.equal(add.status, 204);
        assert.deepEqual((await store().groups.members(world.account.id, created.body.id)).sort(), [bjensen.id, jim.id].sort());
        const remove = await scim('PATCH', `/Groups/${created.body.id}`, {
          schemas: [PATCH],
          Operations: [{ op: 'remove', path: `members[value eq "${bjensen.id}"]` }],
        });
        assert.equal(remove.status, 204);
        assert.deepEqual(await store().groups.members(world.account.id, created.body.id), [jim.id]);
        const replaceAll = await scim('PATCH', `/Groups/${created.body.id}?attributes=members`, {
          schemas: [PATCH],
          Operations: [{ op: 'replace', path: 'members', value: [{ value: bjensen.id }] }],
        });
        assert.equal(replaceAll.status, 200);
        assert.deepEqual(replaceAll.body.members.map((m: any) => m.value), [bjensen.id]);
        const unknown = await scim('PATCH', `/Groups/${created.body.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: 'usr_nobody' }] }] });
        assert.equal(unknown.status, 400);
        assert.equal(unknown.body.scimType, 'invalidValue');
        // Nothing of the failed request was applied.
        assert.deepEqual(await store().groups.members(world.account.id, created.body.id), [bjensen.id]);
        const badPath = await scim('PATCH', `/Groups/${created.body.id}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: 'members[value eq' }] });
        assert.equal(badPath.status, 400);
        assert.equal((await scim('GET', '/Groups/grp_missing')).status, 404);
      });

      it('replaces a user with PUT and patches licences through the Confer extension', async () => {
        const put = await scim('PUT', `/Users/${bjensen.id}`, {
          schemas: [USER, CONFER],
          userName: 'bjensen@example.com',
          name: { givenName: 'Barbara', familyName: 'Jensen-Smith' },
          active: true,
          [CONFER]: { customAddOn: true },
        });
        assert.equal(put.status, 200);
        assert.equal(put.body.name.formatted, 'Barbara Jensen-Smith');
        assert.deepEqual(put.body[CONFER], { aiAccess: true, customAddOn: true });
        const patch = await scim('PATCH', `/Users/${bjensen.id}`, { schemas: [PATCH], Operations: [{ op: 'replace', path: `${CONFER}:aiAccess`, value: false }] });
        assert.equal(patch.status, 200);
        const user = (await store().users.get(world.account.id, bjensen.id))!;
        assert.deepEqual([user.aiAccess, user.customAddOn], [false, true]);
      });
    });

    describe('identity provider request sequences', () => {
      it('Okta: provisions users and groups with the expected licences, then deactivates', async () => {
        // 1. Okta checks whether the user exists.
        const lookup = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "ann.lee@acme.test"')}&startIndex=1&count=100`);
        assert.deepEqual([lookup.status, lookup.body.totalResults, lookup.body.Resources], [200, 0, []]);
        // 2. Create, with the attributes Okta sends.
        const create = await scim('POST', '/Users', {
          schemas: [USER, CONFER],
          userName: 'ann.lee@acme.test',
          name: { givenName: 'Ann', familyName: 'Lee' },
          emails: [{ primary: true, value: 'ann.lee@acme.test', type: 'work' }],
          displayName: 'Ann Lee',
          locale: 'en-US',
          externalId: '00u1ann',
          groups: [],
          password: 'Secret-1',
          active: true,
          [CONFER]: { aiAccess: true, customAddOn: true },
        });
        assert.equal(create.status, 201);
        const ann = create.body.id;
        const bo = (await scim('POST', '/Users', { schemas: [USER], userName: 'bo.chen@acme.test', name: { givenName: 'Bo', familyName: 'Chen' }, externalId: '00u1bo', active: true })).body.id;
        // 3. Okta reads it back, then updates the profile with PUT (only the attributes it manages).
        assert.equal((await scim('GET', `/Users/${ann}`)).body.displayName, 'Ann Lee');
        const put = await scim('PUT', `/Users/${ann}`, {
          schemas: [USER],
          id: ann,
          userName: 'ann.lee@acme.test',
          name: { givenName: 'Ann', familyName: 'Lee-Park' },
          emails: [{ primary: true, value: 'ann.lee@acme.test', type: 'work' }],
          active: true,
        });
        assert.equal(put.status, 200);
        assert.equal(put.body[CONFER].customAddOn, true, 'a PUT without the extension keeps the licences');
        // 4. Group push: create, rename (Okta sends the id with the new name), add and remove members.
        const group = await scim('POST', '/Groups', { schemas: [GROUP, CONFER_GROUP], displayName: 'Sales EMEA', members: [], [CONFER_GROUP]: { aiAccess: true } });
        assert.equal(group.status, 201);
        const gid = group.body.id;
        const rename = await scim('PATCH', `/Groups/${gid}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { id: gid, displayName: 'Sales Europe' } }] });
        assert.equal(rename.status, 204);
        await scim('PATCH', `/Groups/${gid}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: ann, display: 'ann.lee@acme.test' }, { value: bo, display: 'bo.chen@acme.test' }] }] });
        await scim('PATCH', `/Groups/${gid}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${bo}"]` }] });
        const contractors = (await scim('POST', '/Groups', { schemas: [GROUP, CONFER_GROUP], displayName: 'Contractors', members: [{ value: bo }], [CONFER_GROUP]: { aiAccess: false } })).body.id;
        const byName = await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Sales Europe"')}`);
        assert.deepEqual(byName.body.Resources.map((g: any) => g.id), [gid]);

        // The expected directory: users, groups, memberships and licences.
        const s = store();
        const annUser = (await s.users.get(world.account.id, ann))!;
        assert.deepEqual([annUser.name, annUser.externalId, annUser.aiAccess, annUser.customAddOn, annUser.locale], ['Ann Lee-Park', '00u1ann', true, true, 'en-US']);
        assert.deepEqual((await s.groups.groupsOf(world.account.id, ann)).map((g) => g.name), ['Sales Europe']);
        assert.deepEqual((await s.groups.groupsOf(world.account.id, bo)).map((g) => g.name), ['Contractors']);
        assert.equal((await s.groups.get(world.account.id, contractors))!.aiAccess, false);
        // Licences decide AI use: Bo's group withholds AI access.
        const boUser = (await s.users.get(world.account.id, bo))!;
        await assert.rejects(runFeature(await world.ctx(boUser), 'meeting.summary', { meetingId: 'x' }), /restricted for group Contractors/);

        // 5. Unassigning the app deactivates the user: no sign-in, no AI, content kept.
        const deactivate = await scim('PATCH', `/Users/${ann}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] });
        assert.equal(deactivate.status, 200);
        assert.equal(deactivate.body.active, false);
        const { token } = await issueToken(s, world.services.clock, { accountId: world.account.id, userId: ann, name: 'api' });
        const me = await app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });
        assert.equal(me.status, 401);
        await assert.rejects(runFeature(await world.ctx(annUser), 'meeting.summary', { meetingId: 'x' }), /deactivated/);
        const actions = (await s.audit.list(world.account.id, { targetId: ann })).map((e) => e.action);
        assert.deepEqual(actions, ['user.create', 'user.update', 'user.deactivate']);
      });

      it('Entra ID: string booleans, capitalised ops, work-email paths, excludedAttributes=members and DELETE', async () => {
        const lookup = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "Cy.Diaz@acme.test"')}`);
        assert.equal(lookup.body.totalResults, 0);
        const create = await scim('POST', '/Users', {
          schemas: [USER, ENTERPRISE],
          externalId: 'cy',
          userName: 'Cy.Diaz@acme.test',
          active: true,
          displayName: 'Cy Diaz',
          emails: [{ primary: true, type: 'work', value: 'Cy.Diaz@acme.test' }],
          meta: { resourceType: 'User' },
          name: { formatted: 'Cy Diaz', familyName: 'Diaz', givenName: 'Cy' },
          roles: [],
          [ENTERPRISE]: { department: 'Ops' },
        });
        assert.equal(create.status, 201);
        const cy = create.body.id;
        assert.equal((await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "cy.diaz@acme.test"')}`)).body.totalResults, 1);
        const change = await scim('PATCH', `/Users/${cy}`, {
          schemas: [PATCH],
          Operations: [
            { op: 'Replace', path: 'displayName', value: 'Cy R. Diaz' },
            { op: 'Add', path: 'emails[type eq "work"].value', value: 'cy.diaz@acme.test' },
            { op: 'Replace', path: `${CONFER}:customAddOn`, value: 'True' },
          ],
        });
        assert.equal(change.status, 200, JSON.stringify(change.body));
        assert.equal(change.body.displayName, 'Cy R. Diaz');
        assert.equal(change.body[CONFER].customAddOn, true);
        const groupLookup = await scim('GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "Ops"')}`);
        assert.equal(groupLookup.body.totalResults, 0);
        const group = await scim('POST', '/Groups', { schemas: [GROUP], externalId: 'ops-1', displayName: 'Ops', members: [] });
        const gid = group.body.id;
        await scim('PATCH', `/Groups/${gid}`, { schemas: [PATCH], Operations: [{ op: 'Add', path: 'members', value: [{ value: cy }] }] });
        const listed = await scim('GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent('externalId eq "ops-1"')}`);
        assert.equal(listed.body.Resources[0].members, undefined);
        assert.deepEqual((await scim('GET', `/Groups/${gid}`)).body.members.map((m: any) => m.value), [cy]);
        await scim('PATCH', `/Groups/${gid}`, { schemas: [PATCH], Operations: [{ op: 'Remove', path: 'members', value: [{ value: cy }] }] });
        assert.deepEqual(await store().groups.members(world.account.id, gid), []);
        const disable = await scim('PATCH', `/Users/${cy}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
        assert.equal(disable.body.active, false);
        assert.equal((await scim('DELETE', `/Users/${cy}`)).status, 204);
        const after = (await store().users.get(world.account.id, cy))!;
        assert.equal(after.status, 'deactivated');
        assert.equal((await scim('DELETE', `/Groups/${gid}`)).status, 204);
        assert.equal((await scim('GET', `/Groups/${gid}`)).status, 404);
        assert.equal((await scim('POST', '/Users', '{"schemas": [')).body.scimType, 'invalidSyntax');
      });
    });

    describe('DELETE deprovisions (RFC 7644 §3.6)', () => {
      const api = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
        app.request(path, {
          method: init.method ?? 'GET',
          headers: { authorization: `Bearer ${init.token ?? world.ownerToken}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        });

      it('hides the user from SCIM, blocks it like a deactivated user, keeps its content; the same userName comes back as the same user', async () => {
        const s = store();
        const created = await scim('POST', '/Users', { schemas: [USER], userName: 'dee.park@acme.test', name: { givenName: 'Dee', familyName: 'Park' }, externalId: 'dee', active: true });
        assert.equal(created.status, 201);
        const dee = created.body.id;
        const gid = (await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Design', members: [{ value: dee }] })).body.id;
        const { token } = await issueToken(s, world.services.clock, { accountId: world.account.id, userId: dee, name: 'laptop' });
        const form = new FormData();
        form.set('file', new Blob(['WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Dee Park>We agreed to ship the redesign on Friday.\n']), 'design.vtt');
        const upload = await app.request('/v1/meetings', { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
        assert.equal(upload.status, 201);
        const meetingId = ((await upload.json()) as { meeting: { id: string } }).meeting.id;

        assert.equal((await scim('DELETE', `/Users/${dee}`)).status, 204);

        // Gone from SCIM: read, filter, list, group members, changes and a second DELETE.
        const read = await scim('GET', `/Users/${dee}`);
        assert.equal(read.status, 404);
        assert.equal(read.type, 'application/scim+json');
        assert.equal((await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "dee.park@acme.test"')}`)).body.totalResults, 0);
        assert.equal((await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "dee"')}`)).body.totalResults, 0);
        const all = await scim('GET', '/Users?count=1000');
        assert.ok(!all.body.Resources.some((u: any) => u.id === dee));
        assert.equal(all.body.totalResults, all.body.Resources.length);
        assert.deepEqual((await scim('GET', `/Groups/${gid}`)).body.members ?? [], []);
        assert.deepEqual(await s.groups.groupsOf(world.account.id, dee), []);
        assert.equal((await scim('PUT', `/Users/${dee}`, { schemas: [USER], userName: 'dee.park@acme.test', active: true })).status, 404);
        assert.equal((await scim('PATCH', `/Users/${dee}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: true } }] })).status, 404);
        assert.equal((await scim('DELETE', `/Users/${dee}`)).status, 404);
        const addBack = await scim('PATCH', `/Groups/${gid}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: dee }] }] });
        assert.deepEqual([addBack.status, addBack.body.scimType], [400, 'invalidValue']);

        // Blocked like a deactivated user: tokens revoked, no API, no AI.
        const stored = (await s.users.get(world.account.id, dee))!;
        assert.equal(stored.status, 'deactivated');
        assert.ok(stored.deprovisionedAt);
        assert.ok((await s.tokens.list(world.account.id, dee)).every((t) => t.revokedAt !== null));
        assert.equal((await api('/v1/me', { token })).status, 401);
        await assert.rejects(runFeature(await world.ctx(stored), 'meeting.summary', { artifactId: meetingId }), /deactivated/);

        // Content kept, and still under legal holds: the directory and holds still know the user.
        assert.ok(await s.artifacts.get(world.account.id, meetingId));
        const directory = await api(`/v1/users/${dee}`);
        assert.equal(directory.status, 200);
        const shown = (await directory.json()) as { status: string; deprovisionedAt: string | null };
        assert.deepEqual([shown.status, shown.deprovisionedAt], ['deactivated', stored.deprovisionedAt]);
        assert.equal((await api('/v1/holds', { method: 'POST', body: { name: 'dee-departure', reason: 'exit review', userId: dee } })).status, 201);

        // The identity provider assigns the same person again: the same user returns, as a member, with its content.
        const again = await scim('POST', '/Users', { schemas: [USER], userName: 'Dee.Park@acme.test', name: { givenName: 'Dee', familyName: 'Park-Lim' }, active: true });
        assert.equal(again.status, 201, JSON.stringify(again.body));
        assert.equal(again.body.id, dee);
        assert.equal(again.body.active, true);
        assert.equal(again.body.displayName, 'Dee Park-Lim');
        assert.equal((await scim('GET', `/Users/${dee}`)).status, 200);
        assert.equal((await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "dee.park@acme.test"')}`)).body.totalResults, 1);
        const back = (await s.users.get(world.account.id, dee))!;
        assert.deepEqual([back.status, back.role, back.deprovisionedAt], ['active', 'member', null]);
        assert.equal((await s.artifacts.get(world.account.id, meetingId))?.ownerId, dee);
        assert.equal((await api('/v1/me', { token })).status, 401, 'tokens revoked at deprovisioning stay revoked');
        assert.equal((await scim('POST', '/Users', { schemas: [USER], userName: 'dee.park@acme.test' })).body.scimType, 'uniqueness', 'a provisioned userName is still unique');
        const actions = (await s.audit.list(world.account.id, { targetId: dee })).map((e) => e.action);
        for (const action of ['user.deactivate', 'user.deprovision', 'user.reactivate', 'user.reprovision']) assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);
      });

      it('refuses to deprovision the last active owner', async () => {
        const res = await scim('DELETE', `/Users/${world.owner.id}`);
        assert.equal(res.status, 409);
        assert.match(res.body.detail, /last active owner/);
        assert.equal((await scim('GET', `/Users/${world.owner.id}`)).status, 200);
      });
    });
  });
}
