import type { ExternalIdentity } from '../../usecases/sign-in.ts';

/**
 * What a sign-in protocol (OIDC today, SAML later) provides to the auth
 * routes: a redirect to the identity provider, and the verified identity
 * from its response. `pending` is what must survive the round trip (state,
 * PKCE verifier, nonce); the routes keep it in a short-lived http-only
 * cookie.
 */
export interface SignInProtocol {
  readonly name: 'oidc' | 'saml';
  start(): Promise<{ redirectUrl: URL; pending: Record<string, string> }>;
  finish(callbackUrl: URL, pending: Record<string, string>): Promise<ExternalIdentity>;
}
