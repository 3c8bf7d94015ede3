import type Router from '@koa/router';
import type { Context, Middleware, Next } from 'koa';

/**
 * Does a request path fall under `mount` (prefix + base path) as the router's own layers `mount` and
 * `mount/*rest` match it: the path itself, with or without a trailing slash, or anything below it,
 * compared without regard to case (@koa/router's default). An empty mount holds every path.
 */
export function mountedAt(mount: string): (path: string) => boolean {
  const lower = mount.toLowerCase();
  const length = mount.length;
  return (path) => {
    if (path.length > length && path.charCodeAt(length) !== 47 /* / */) return false;
    if (path.length < length) return false;
    // the common case costs one comparison; another case of the same letters, a lower-casing
    return path.startsWith(mount) || path.slice(0, length).toLowerCase() === lower;
  };
}

/** The fields @koa/router leaves on a context it routes, which logging and metrics middlewares read. */
interface RoutedContext {
  router?: Router;
  routerPath?: string;
  _matchedRoute?: string;
}

/**
 * Gives `router` a `routes()` (and `middleware()`) middleware that hands a request under the mount straight
 * to `serve`, without @koa/router's per-request matching of path patterns, building of a layer chain and
 * decoding of captures; every other request goes through the router's own middleware (routes a user added
 * to this router still answer). The middleware keeps its `router` property, so that mounting it in another
 * router (`parent.use('/api', router.routes())`) still copies the layers, which serve the same way.
 */
export function servingRouter(router: Router, mounted: (path: string) => boolean, serve: (ctx: Context, next: Next) => Promise<void> | void): Router {
  const routed = router.middleware.bind(router);
  const last = router.stack.at(-1)?.path;
  const matchedRoute = typeof last === 'string' ? last : undefined;
  const middleware = (): Middleware => {
    const general = routed();
    const fast = (ctx: Context, next: Next): Promise<void> | void => {
      if (!mounted(ctx.path)) return general(ctx as Parameters<typeof general>[0], next) as Promise<void>;
      const context = ctx as Context & RoutedContext;
      context.router = router;
      context.routerPath = matchedRoute;
      context._matchedRoute = matchedRoute;
      return serve(ctx, next);
    };
    return Object.assign(fast, { router });
  };
  router.middleware = middleware;
  router.routes = middleware;
  return router;
}
