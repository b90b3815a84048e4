/**
 * A real OpenID provider (the `oidc-provider` package) on a loopback port,
 * for the sign-in tests of the server and of the web app. Its people sign
 * in at the provider's built-in login and consent forms with any password;
 * tests change their claims between sign-ins through `people`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const TEST_CLIENT_ID = 'confer';
export const TEST_CLIENT_SECRET = 'confer-secret';

export interface TestOidcProvider {
  issuer: string;
  /** Claims by login name, read at each sign-in. */
  people: Record<string, Record<string, unknown>>;
  /**
   * The environment that points Confer at this provider, with groups and
   * both licence claims (`confer_ai`, `confer_addon`) mapped.
   */
  conferEnv: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts the provider with one confidential client whose redirect URI is
 * `${conferOrigin}/auth/oidc/callback`.
 *
 * @example
 * const idp = await startTestOidcProvider('http://confer.test', { alice: { email: 'alice@acme.test', email_verified: true } });
 * const config = loadConfig({ ...idp.conferEnv, CONFER_PUBLIC_URL: 'http://confer.test' });
 */
export async function startTestOidcProvider(conferOrigin: string, people: Record<string, Record<string, unknown>>): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [`${conferOrigin}/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'], licences: ['confer_ai', 'confer_addon'] },
    scopes: ['openid', 'email', 'profile', 'groups', 'licences'],
    findAccount: async (_ctx: unknown, id: string) => (people[id] ? { accountId: id, claims: async () => ({ sub: id, ...people[id] }) } : undefined),
    cookies: { keys: ['test-cookie-key'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    people,
    conferEnv: {
      CONFER_OIDC_ISSUER: issuer,
      CONFER_OIDC_CLIENT_ID: TEST_CLIENT_ID,
      CONFER_OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
      CONFER_OIDC_SCOPES: 'openid email profile groups licences',
      CONFER_OIDC_AI_ACCESS_CLAIM: 'confer_ai',
      CONFER_OIDC_ADDON_CLAIM: 'confer_addon',
      CONFER_OIDC_ALLOW_HTTP: 'on',
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
