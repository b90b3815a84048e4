import type { MiddlewareHandler } from 'hono';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` (run by `npm ci`) puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The app loads only its own scripts and styles and talks only to this origin.
const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Hashed build output: a changed file gets a new name, so it can be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

async function fileAt(path: string): Promise<string | null> {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built web app on the API's port. Files of `dist` are served as
 * they are; `/assets/` (content-hashed names) is cached for a year, other
 * files for an hour. Any other GET outside `/v1`, `/scim` and `/auth` gets `index.html`, never
 * cached, so the app's own router handles deep links and a new build is
 * picked up on the next load.
 *
 * @example
 * app.use('*', webApp(WEB_DIST));
 */
export function webApp(dist: string): MiddlewareHandler {
  const root = resolve(dist);
  const index = resolve(root, 'index.html');
  return async (c, next) => {
    const { path } = c.req;
    if (path === '/v1' || path.startsWith('/v1/') || path.startsWith('/scim/') || path.startsWith('/auth/') || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    c.header('X-Content-Type-Options', 'nosniff');

    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return c.text('malformed path', 400);
    }
    const candidate = resolve(root, `.${decoded}`);
    const inside = candidate.startsWith(root + sep) && !decoded.includes('\0');
    const file = inside ? await fileAt(candidate) : null;
    if (file && file !== index) {
      c.header('Content-Type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
      c.header('Cache-Control', decoded.startsWith('/assets/') ? IMMUTABLE : 'public, max-age=3600');
      return c.body(await readFile(file));
    }
    // A missing asset is a stale page asking for an old build: say so rather than answer with HTML.
    if (decoded.startsWith('/assets/')) return c.text(`${decoded} is not part of this build; reload the page`, 404);

    const html = await readFile(index).catch(() => null);
    if (!html) {
      return c.text('The web app is not built. Run `npm run build:web` (`npm ci` runs it too), then reload.', 503);
    }
    c.header('Content-Type', CONTENT_TYPES['.html']);
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Security-Policy', CSP);
    c.header('Referrer-Policy', 'no-referrer');
    return c.body(html);
  };
}
