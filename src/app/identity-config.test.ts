import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { IDENTITY_ENV_VARS, loadIdentityConfig } from './identity-config.ts';

it('leaves single sign-on off until an issuer and client id are set', () => {
  assert.deepEqual(loadIdentityConfig({}), { publicUrl: undefined, sessionHours: 12, oidc: null });
  assert.throws(() => loadIdentityConfig({ CONFER_OIDC_ISSUER: 'https://idp.example.com' }), /CONFER_OIDC_CLIENT_ID: required/);
  const config = loadIdentityConfig({
    CONFER_OIDC_ISSUER: 'https://idp.example.com',
    CONFER_OIDC_CLIENT_ID: 'confer',
    CONFER_PUBLIC_URL: 'https://confer.example.com/',
    CONFER_OIDC_CREATE_USERS: 'off',
  });
  assert.equal(config.publicUrl, 'https://confer.example.com');
  assert.deepEqual([config.oidc?.scopes, config.oidc?.groupsClaim, config.oidc?.createUsers, config.oidc?.allowHttp], ['openid email profile', 'groups', false, false]);
  assert.equal(config.oidc?.label, 'single sign-on');
  assert.equal(loadIdentityConfig({ CONFER_OIDC_ISSUER: 'https://idp.example.com', CONFER_OIDC_CLIENT_ID: 'confer', CONFER_OIDC_LABEL: ' Acme ' }).oidc?.label, 'Acme');
});

it('names the variable that is wrong', () => {
  assert.throws(() => loadIdentityConfig({ CONFER_PUBLIC_URL: 'confer.example.com' }), /CONFER_PUBLIC_URL/);
  assert.throws(() => loadIdentityConfig({ CONFER_SESSION_HOURS: 'forever' }), /CONFER_SESSION_HOURS/);
  assert.throws(() => loadIdentityConfig({ CONFER_OIDC_ALLOW_HTTP: 'yes' }), /CONFER_OIDC_ALLOW_HTTP/);
  assert.throws(() => loadIdentityConfig({ CONFER_OIDC_LABEL: 'x'.repeat(61) }), /CONFER_OIDC_LABEL/);
});

it('documents every sign-in variable in the README configuration table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const name of Object.keys(IDENTITY_ENV_VARS)) assert.ok(readme.includes(`| \`${name}\` |`), `${name} is missing from the README`);
});
