/**
 * The browser's sign-in: a bearer token kept in sessionStorage, so it lasts
 * as long as the tab and is never sent anywhere but this origin's API.
 */
const KEY = 'confer.token';
const FRAGMENT = /^#signin=(cfr_[A-Za-z0-9_-]+)$/;

const listeners = new Set<() => void>();
let lastReason: string | null = null;
let fromLink = false;

export function getToken(): string | null {
  return window.sessionStorage.getItem(KEY);
}

export function setToken(token: string): void {
  lastReason = null;
  fromLink = false;
  window.sessionStorage.setItem(KEY, token);
  listeners.forEach((listener) => listener());
}

/** Ends the session; `reason` is shown on the sign-in page. */
export function clearToken(reason: string): void {
  lastReason = reason;
  window.sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
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
