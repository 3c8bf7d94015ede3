import { parseCookie, stringifySetCookie } from 'cookie';
import type { Context } from 'koa';
import { getContext } from '../context.js';

export interface CookieOptions {
  /** seconds; written as Max-Age (and Expires, for old clients) */
  maxAge?: number;
  expires?: Date;
  /** defaults to '/' */
  path?: string;
  domain?: string;
  /** defaults to true when the request came over HTTPS */
  secure?: boolean;
  /** defaults to true */
  httpOnly?: boolean;
  /** defaults to 'lax' */
  sameSite?: 'strict' | 'lax' | 'none';
  partitioned?: boolean;
}

export interface RequestCookies {
  get(name: string): string | undefined;
  set(name: string, value: string, options?: CookieOptions): void;
  delete(name: string, options?: Pick<CookieOptions, 'path' | 'domain'>): void;
}

const parsed = new WeakMap<Context, Record<string, string | undefined>>();

function requestCookies(ctx: Context): Record<string, string | undefined> {
  let cookies = parsed.get(ctx);
  if (!cookies) {
    cookies = parseCookie(ctx.get('cookie'));
    parsed.set(ctx, cookies);
  }
  return cookies;
}

/**
 * The request's cookies; `set` and `delete` append `Set-Cookie` headers to the response.
 *
 * @example
 * cookies().set('session', token, { maxAge: 60 * 60 * 24 });
 */
export function cookies(): RequestCookies {
  const ctx = getContext();
  return {
    get: (name) => {
      const value = requestCookies(ctx)[name];
      return value === undefined ? undefined : value;
    },
    set: (name, value, options = {}) => {
      const secure = options.secure ?? ctx.secure;
      const header = stringifySetCookie(name, value, {
        ...(options.maxAge !== undefined ? { maxAge: Math.floor(options.maxAge), expires: new Date(Date.now() + options.maxAge * 1000) } : {}),
        ...(options.expires ? { expires: options.expires } : {}),
        path: options.path ?? '/',
        ...(options.domain ? { domain: options.domain } : {}),
        secure,
        httpOnly: options.httpOnly ?? true,
        sameSite: options.sameSite ?? 'lax',
        ...(options.partitioned ? { partitioned: true } : {}),
      });
      ctx.append('Set-Cookie', header);
    },
    delete: (name, options = {}) => {
      ctx.append(
        'Set-Cookie',
        stringifySetCookie(name, '', { path: options.path ?? '/', ...(options.domain ? { domain: options.domain } : {}), maxAge: 0, expires: new Date(0), httpOnly: true }),
      );
    },
  };
}
