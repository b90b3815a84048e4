/**
 * Absolute URLs of SCIM endpoints and resources, as `meta.location` and
 * `$ref` carry them. `baseUrl` is where the SCIM service is mounted, e.g.
 * `https://confer.example.com/scim/v2`.
 */

/**
 * The URL of an endpoint or resource below the SCIM base URL. Each segment
 * is percent-encoded except for ":" and "@", which a path may hold as they
 * are (RFC 3986 §3.3), so schema URNs stay readable.
 *
 * @example
 * scimUrl('https://confer.example.com/scim/v2/', 'Users', 'usr_1') // 'https://confer.example.com/scim/v2/Users/usr_1'
 * scimUrl(base, 'Schemas', 'urn:ietf:params:scim:schemas:core:2.0:User') // '…/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'
 */
export function scimUrl(baseUrl: string, ...segments: string[]): string {
  const encode = (segment: string) => encodeURIComponent(segment).replace(/%3A/gi, ':').replace(/%40/g, '@');
  return [baseUrl.replace(/\/+$/, ''), ...segments.map(encode)].join('/');
}
