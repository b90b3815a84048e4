/**
 * OIDC authorisation-code flow with PKCE, through openid-client. The ID
 * token is verified by the library (signature, issuer, audience, nonce,
 * expiry); claims are the ID token's merged with the userinfo response, as
 * providers differ on where they put email and groups.
 */
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../app/identity-config.ts';
import { AppError } from '../../core/errors.ts';
import type { ExternalIdentity } from '../../usecases/sign-in.ts';
import type { SignInProtocol } from './protocol.ts';

function claimBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

function claimList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  return undefined;
}

export class OidcSignIn implements SignInProtocol {
  readonly name = 'oidc' as const;
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly config: OidcConfig,
    private readonly redirectUri: string,
  ) {}

  private discover(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const auth = this.config.clientSecret ? oidc.ClientSecretBasic(this.config.clientSecret) : oidc.None();
      this.configuration = oidc
        .discovery(new URL(this.config.issuer), this.config.clientId, { redirect_uris: [this.redirectUri] }, auth, {
          execute: this.config.allowHttp ? [oidc.allowInsecureRequests] : [],
        })
        .catch((error: Error) => {
          this.configuration = null;
          throw new AppError('feature_unavailable', `the identity provider at ${this.config.issuer} cannot be reached: ${error.message}`);
        });
    }
    return this.configuration;
  }

  async start(): Promise<{ redirectUrl: URL; pending: Record<string, string> }> {
    const configuration = await this.discover();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const redirectUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.config.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { redirectUrl, pending: { verifier, state, nonce } };
  }

  async finish(callbackUrl: URL, pending: Record<string, string>): Promise<ExternalIdentity> {
    const configuration = await this.discover();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new AppError('unauthenticated', `sign-in failed: ${(error as Error).message}`);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new AppError('unauthenticated', 'sign-in failed: the identity provider returned no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    if (tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    }
    const email = typeof claims.email === 'string' ? claims.email : typeof claims.preferred_username === 'string' && claims.preferred_username.includes('@') ? claims.preferred_username : '';
    return {
      protocol: 'oidc',
      issuer: String(idClaims.iss),
      subject: idClaims.sub,
      email,
      emailVerified: claimBool(claims.email_verified),
      name: typeof claims.name === 'string' ? claims.name : undefined,
      groups: claimList(claims[this.config.groupsClaim]),
      aiAccess: this.config.aiAccessClaim ? claimBool(claims[this.config.aiAccessClaim]) : undefined,
      customAddOn: this.config.addOnClaim ? claimBool(claims[this.config.addOnClaim]) : undefined,
    };
  }
}
