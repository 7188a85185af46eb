import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { connectionToken, connectionTokenSource, findConnection } from "./connections/connections";

/** Connections a logged-in user named in X-Factus-Connection lately, per isolate (ownership does not change). */
const OWNED_MS = 30_000;
const owned = new Map<string, number>();

/**
 * The Factus token a request acts with, kept on the context; `upstream(c)` sends it to Factus (and nowhere else) as
 * `Authorization: Bearer` through the isolate's one client. It is the caller's `X-Factus-Token`, or the token of a
 * stored connection: an API key's own, or one a logged-in user names in `X-Factus-Connection` (theirs only: any other
 * id is a 404).
 */
export const requireFactusToken = createMiddleware<AppEnv>(async (c, next) => {
  let connectionId = c.get("connectionId");
  const header = c.req.header("x-factus-token")?.trim();
  if (!connectionId && header) {
    // Visible ASCII only: no spaces, control bytes (NUL, DEL, escapes) or Latin-1 bytes are forwarded to Factus.
    if (header.length > 4096 || !/^[\x21-\x7e]+$/.test(header))
      throw new ApiError("FACTUS_UNAUTHENTICATED", { message: "X-Factus-Token no es válido" });
    c.set("factusToken", header);
    return next();
  }
  if (!connectionId) {
    const named = c.req.header("x-factus-connection")?.trim();
    if (!named) throw new ApiError("FACTUS_TOKEN_MISSING");
    const key = `${c.get("user").id}:${named}`;
    const seen = owned.get(key);
    if (!seen || Date.now() - seen > OWNED_MS) {
      const row = named.length <= 64 ? await findConnection(c.env.DB, c.get("user").id, named) : null;
      if (!row) throw new ApiError("NOT_FOUND", { message: `No existe la conexión ${named.slice(0, 64)}` });
      if (owned.size >= 10_000) owned.clear();
      owned.set(key, Date.now());
    }
    connectionId = named;
    c.set("connectionId", connectionId);
  }
  c.set("factusToken", await connectionToken(c.env, connectionId));
  c.set("factusTokens", connectionTokenSource(c, connectionId));
  await next();
});
