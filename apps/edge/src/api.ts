import { getPath } from "hono/utils/url";
import { API_BASE } from "./platform/api-base";
import type { Config, Env } from "./platform/config";
import { mountFor, type RouteMount } from "./routes/mounts";

type App = Awaited<ReturnType<typeof import("./app").createApp>>;

/** Paths only the whole API answers: the OpenAPI document is generated from every route. */
const whole = (path: string) =>
  path === `${API_BASE}/openapi.json` || path === `${API_BASE}/docs` || path.startsWith(`${API_BASE}/docs/`);

/**
 * The API as the Worker serves it. No router is built while the isolate starts (Cloudflare can only hide a short
 * start-up behind the TLS handshake): each gets its app the first time a request needs it, with the same middleware
 * and errors as the whole one (app.ts), kept for the isolate's life, and builds only its own schemas. A path no
 * router serves is answered by an app without routes (404 in the envelope, CORS and security headers alike).
 */
export function lazyApi(config: Config) {
  const apps = new Map<RouteMount | "whole" | "none", Promise<App>>();
  let factus: ReturnType<typeof import("./factus/client").factusClientFor> | undefined;

  async function build(key: RouteMount | "whole" | "none"): Promise<App> {
    const { buildApp, createApp } = await import("./app");
    if (key === "whole") return createApp(config);
    const routers = key === "none" ? [] : [{ base: key.base, router: await key.load() }];
    factus ??= (await import("./factus/client")).factusClientFor(config);
    return buildApp(config, routers, factus);
  }

  function appFor(path: string) {
    const key = mountFor(path) ?? (whole(path) ? "whole" : "none");
    let app = apps.get(key);
    if (!app) {
      app = build(key);
      apps.set(key, app);
      // A load that failed (it should not) is tried again by the next request, not remembered.
      app.catch(() => apps.delete(key));
    }
    return app;
  }

  return {
    async fetch(request: Request, env: Env, ctx: ExecutionContext) {
      // The path as Hono's router reads it (no URL object built for it).
      return (await appFor(getPath(request))).fetch(request, env, ctx);
    },
  };
}
