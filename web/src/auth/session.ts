/**
 * The browser's sign-in, one of two kinds: a bearer token kept in
 * sessionStorage, so it lasts as long as the tab and is never sent anywhere
 * but this origin's API; or the http-only session cookie of single sign-on,
 * which same-origin requests carry by themselves. The cookie cannot be read
 * here: the server sets a readable `confer_signed_in` hint beside it, and
 * only then is `/v1/me` asked whether the cookie session is alive, so a
 * signed-out visit makes no failing request.
 */
const KEY = 'confer.token';
const FRAGMENT = /^#signin=(cfr_[A-Za-z0-9_-]+)$/;
const HINT = /(?:^|;\s*)confer_signed_in=1(?:;|$)/;

/** The session key of a cookie session, in place of a token. */
export const COOKIE_SESSION = 'cookie';
/** While `/v1/me` is asked whether the cookie session is alive. */
export const CHECKING = 'checking';

const listeners = new Set<() => void>();
let lastReason: string | null = null;
let fromLink = false;
let cookie: 'unknown' | 'checking' | 'yes' | 'no' = 'unknown';

const notify = () => listeners.forEach((listener) => listener());

function forgetHint(): void {
  document.cookie = 'confer_signed_in=; Path=/; Max-Age=0; SameSite=Lax';
}

export function getToken(): string | null {
  return window.sessionStorage.getItem(KEY);
}

/** Whether requests without a token are made in a cookie session. */
export function inCookieSession(): boolean {
  return cookie === 'yes';
}

/**
 * What identifies the session, for `useSyncExternalStore`: the token, or
 * `COOKIE_SESSION`, or `CHECKING` until the cookie session was asked about,
 * or null when signed out.
 */
export function currentSession(): string | null {
  const token = getToken();
  if (token) return token;
  if (cookie === 'yes') return COOKIE_SESSION;
  if (cookie === 'no' || !HINT.test(document.cookie)) return null;
  return CHECKING;
}

/** Asks `/v1/me`, with the cookie the browser sends by itself, whether a cookie session is alive. */
export async function checkCookieSession(): Promise<void> {
  if (cookie !== 'unknown') return;
  cookie = 'checking';
  let alive = false;
  try {
    alive = (await fetch('/v1/me', { headers: { accept: 'application/json' } })).ok;
  } catch {
    alive = false;
  }
  cookie = alive ? 'yes' : 'no';
  if (!alive) {
    forgetHint();
    lastReason = 'Your session ended. Sign in again.';
  }
  notify();
}

export function setToken(token: string): void {
  lastReason = null;
  fromLink = false;
  window.sessionStorage.setItem(KEY, token);
  notify();
}

/** Forgets the session here; `reason` is shown on the sign-in page. */
export function clearToken(reason: string): void {
  lastReason = reason;
  window.sessionStorage.removeItem(KEY);
  if (cookie !== 'no') forgetHint();
  cookie = 'no';
  notify();
}

/** Signs out: ends the cookie session on the server too (there is nothing to end for a token), then shows the sign-in page. */
export async function signOut(): Promise<void> {
  try {
    await fetch('/auth/logout', { method: 'POST' });
  } catch {
    // Offline: the cookie session then ends at its expiry; this tab forgets it now.
  }
  clearToken('You signed out.');
}

/** Ends the session after the server refused its token, saying why in the sign-in page. */
export function endSession(serverMessage: string): void {
  clearToken(
    fromLink
      ? `This sign-in link no longer works (${serverMessage}). Start \`confer serve\` again for a new link, or sign in with an API token.`
      : `Your session ended (${serverMessage}). Sign in again.`,
  );
}

/** Why the last session ended, if it did in this page. */
export function signOutReason(): string | null {
  return lastReason;
}

/** Why the last single sign-on failed, by the `signin_error` id the server sent back with the browser. */
const SIGN_IN_ERRORS: Record<string, string> = {
  denied: 'The sign-in was cancelled or declined at your identity provider. Try again, or use an API token.',
  provider: 'Your identity provider refused the sign-in. Try again; if it keeps happening, tell your administrator.',
  expired: 'The sign-in took too long or was started in another tab or browser. Start it again.',
  failed: 'The answer from your identity provider could not be verified, so you were not signed in. Start again; if it keeps happening, tell your administrator.',
  unavailable: 'Single sign-on is not available right now. Use an API token, or tell your administrator.',
  deactivated: 'Your Confer account is deactivated, so you cannot sign in. Ask an administrator to reactivate it.',
  not_provisioned: 'You have no Confer account yet. Ask an administrator to add you.',
  email: 'Your identity provider did not send a verified email address, which Confer needs to find your account. Tell your administrator.',
};
let signInError: string | null = null;

/** The reason of a failed single sign-on, if the page was opened with one. */
export function singleSignOnError(): string | null {
  return signInError;
}

/** Takes `?signin_error=` from the address, to explain it on the sign-in page, and removes it from the address and history. */
export function consumeSignInError(): void {
  const url = new URL(window.location.href);
  const id = url.searchParams.get('signin_error');
  if (id === null) return;
  signInError = SIGN_IN_ERRORS[id] ?? SIGN_IN_ERRORS.failed;
  url.searchParams.delete('signin_error');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}

export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Takes the token of a one-click sign-in link (`/#signin=cfr_…`) and removes
 * it from the address bar and history, so it is not bookmarked or shared.
 */
export function consumeSignInFragment(): void {
  const match = FRAGMENT.exec(window.location.hash);
  if (!match) return;
  setToken(match[1]);
  fromLink = true;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
