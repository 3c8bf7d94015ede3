import { getContext } from './context.js';

export interface CookieOptions {
  /** seconds; 0 or negative expires the cookie now */
  maxAge?: number;
  expires?: Date;
  path?: string;
  domain?: string;
  /** defaults to true when the request came over HTTPS */
  secure?: boolean;
  /** defaults to true */
  httpOnly?: boolean;
  /** defaults to 'lax' */
  sameSite?: 'strict' | 'lax' | 'none';
}

export interface RequestCookies {
  get(name: string): string | undefined;
  set(name: string, value: string, options?: CookieOptions): void;
  delete(name: string, options?: Pick<CookieOptions, 'path' | 'domain'>): void;
}

/**
 * The request's cookies; `set` and `delete` add `Set-Cookie` headers to the response.
 *
 * @example
 * cookies().set('session', token, { maxAge: 60 * 60 * 24 });
 */
export function cookies(): RequestCookies {
  const ctx = getContext();
  return {
    get: (name) => ctx.cookies.get(name),
    set: (name, value, options = {}) => {
      ctx.cookies.set(name, value, {
        maxAge: options.maxAge === undefined ? undefined : options.maxAge * 1000,
        expires: options.expires,
        path: options.path ?? '/',
        domain: options.domain,
        secure: options.secure ?? ctx.secure,
        httpOnly: options.httpOnly ?? true,
        sameSite: options.sameSite ?? 'lax',
        overwrite: true,
      });
    },
    delete: (name, options = {}) => {
      ctx.cookies.set(name, '', { path: options.path ?? '/', domain: options.domain, expires: new Date(0), maxAge: 0, overwrite: true });
    },
  };
}
