import type { Hooks } from 'ky';

/**
 * The part of a cookie jar the client uses: tough-cookie's `CookieJar` fits it (actionwire does not depend on it).
 * `url` is the request's; the jar decides which cookies go to it (domain, path, Secure, expiry).
 */
export interface CookieJarLike {
  getCookieString(url: string): Promise<string>;
  setCookie(setCookieHeader: string, url: string): Promise<unknown>;
}

/**
 * ky hooks that keep cookies across calls outside a browser (scripts, tests, server-to-server): each request carries
 * the jar's cookies for its URL, and each answer's Set-Cookie headers go into the jar.
 *
 * @example
 * import { CookieJar } from 'tough-cookie';
 * const api = createClient({ baseUrl: 'http://127.0.0.1:3000/', hooks: cookieJarHooks(new CookieJar()) });
 */
export function cookieJarHooks(jar: CookieJarLike): Hooks {
  return {
    beforeRequest: [
      async ({ request }) => {
        const cookies = await jar.getCookieString(request.url);
        if (cookies !== '') request.headers.set('cookie', cookies);
      },
    ],
    afterResponse: [
      async ({ request, response }) => {
        for (const header of response.headers.getSetCookie()) await jar.setCookie(header, response.url || request.url);
      },
    ],
  };
}
