import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";

/**
 * Requires `X-Factus-Token` and keeps it on the context; `upstream(c)` sends it to Factus (and nowhere else) as
 * `Authorization: Bearer` through the isolate's one client.
 */
export const requireFactusToken = createMiddleware<AppEnv>(async (c, next) => {
  const token = c.req.header("x-factus-token")?.trim();
  if (!token) throw new ApiError("FACTUS_TOKEN_MISSING");
  // Visible ASCII only: no spaces, control bytes (NUL, DEL, escapes) or Latin-1 bytes are forwarded to Factus.
  if (token.length > 4096 || !/^[\x21-\x7e]+$/.test(token))
    throw new ApiError("FACTUS_UNAUTHENTICATED", { message: "X-Factus-Token no es válido" });
  c.set("factusToken", token);
  await next();
});
