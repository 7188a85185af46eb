import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";

const ALLOW_METHODS = "GET,POST,DELETE,OPTIONS";
const ALLOW_HEADERS = [
  "Authorization",
  "Content-Type",
  "X-Factus-Token",
  "Idempotency-Key",
  "X-Request-Id",
  "Accept",
].join(",");
/** What a browser script may read of an answer besides the CORS-safelisted headers. */
const EXPOSE_HEADERS = [
  "X-Request-Id",
  "Location",
  "Retry-After",
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "Idempotent-Replayed",
  "X-Document-Recovered",
  "Content-Disposition",
  "X-Cache",
].join(",");
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/**
 * CORS for the origins in `CORS_ORIGINS` (an exact match; none when empty). Answers a preflight itself; on every
 * other request it adds its headers to the final answer, errors included, so a page can read the error envelope.
 *
 * Not Hono's `cors()`: that one writes its headers into `c.res` before the route runs, which makes Hono build an
 * empty Response, copy it into the route's answer, then clone that answer again to append `Vary`: three Response
 * objects per request where one suffices.
 */
export const cors = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header("origin");
  const allowed = origin !== undefined && c.get("config").corsOrigins.includes(origin);
  if (c.req.method === "OPTIONS") {
    const headers = new Headers({ Vary: "Origin" });
    if (allowed) {
      headers.set("Access-Control-Allow-Origin", origin);
      headers.set("Access-Control-Allow-Methods", ALLOW_METHODS);
      headers.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
      headers.set("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
    }
    return new Response(null, { status: 204, headers });
  }
  await next();
  // The answer depends on the Origin header even when it is refused: shared caches must not mix them.
  c.res.headers.append("Vary", "Origin");
  if (allowed) {
    c.res.headers.set("Access-Control-Allow-Origin", origin);
    c.res.headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
  }
});
