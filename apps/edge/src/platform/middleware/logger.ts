import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";

/**
 * One structured JSON line per request. It names the route pattern (`/api/v1/invoices/:number`), never the raw
 * path or query, and carries no header, body, token or customer data: only what operations needs.
 */
export const requestLogger = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const user = c.get("user");
  console.log(
    JSON.stringify({
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      request_id: c.get("requestId"),
      user_id: user?.id ?? null,
    }),
  );
});
