import type { Context } from 'koa';

/**
 * A call from an allowed cross origin while `corsCredentials` is off acts without the user's cookies,
 * as the browser's CORS promise says: whatever a simple form post carried, the action (and Koa's
 * `ctx.cookies`) sees no `Cookie` header, and the `Set-Cookie` headers it adds are not sent (a form post's
 * answer would otherwise store them). Dropping one is logged once per action path, so that it is no surprise.
 */
export class CookielessCalls {
  private readonly warned = new Set<string>();

  constructor(private readonly warn: (line: string) => void = console.warn) {}

  /** Before the action runs: the request carries no cookies. */
  hideRequestCookies(ctx: Context): void {
    delete ctx.req.headers.cookie;
  }

  /** After it ran: the answer sets none. */
  dropResponseCookies(ctx: Context, origin: string): void {
    const set = ctx.res.getHeader('set-cookie');
    if (set === undefined) return;
    ctx.remove('Set-Cookie');
    if (this.warned.has(ctx.path)) return;
    this.warned.add(ctx.path);
    const names = (Array.isArray(set) ? set : [String(set)]).map((header) => header.slice(0, header.indexOf('=')));
    this.warn(
      `[actionwire] dropped Set-Cookie (${names.join(', ')}) of ${ctx.path}: a call from the allowed cross origin ${origin} ` +
        'neither reads nor sets cookies unless the router has corsCredentials: true (warned once per action)',
    );
  }
}
