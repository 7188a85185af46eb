import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { bearerOf, isApiKey } from "./bearer";
import { verifyJwt } from "./jwt";
import { findUserById, type UserRow } from "./users";

/**
 * Users looked up in the last USER_CACHE_MS, per isolate, so a busy client does not cost a D1 read per request.
 * The price: disabling a user, revoking its tokens or changing its role takes up to that long to reach isolates that
 * saw it recently.
 */
const USER_CACHE_MS = 30_000;
const userCache = new Map<string, { user: UserRow | null; at: number }>();

async function cachedUser(db: D1Database, id: string) {
  const hit = userCache.get(id);
  if (hit && Date.now() - hit.at < USER_CACHE_MS) return hit.user;
  const user = await findUserById(db, id);
  if (userCache.size >= 10_000) userCache.clear();
  userCache.set(id, { user, at: Date.now() });
  return user;
}

/** Requires `Authorization: Bearer <local JWT>` of an existing, enabled user. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const bearer = bearerOf(c);
  if (!bearer)
    throw new ApiError("UNAUTHENTICATED", { message: "Falta el token de acceso (Authorization: Bearer …)" });
  // Keys reach documents, lists, lookups and company reads only: managing keys, connections or the account is a
  // logged-in user's.
  if (isApiKey(bearer))
    throw new ApiError("UNAUTHENTICATED", {
      message:
        "Una clave de API no da acceso a esta ruta: inicie sesión (Authorization: Bearer <token de /auth/login>)",
    });
  const config = c.get("config");
  const result = await verifyJwt(bearer, config.jwtSecret, {
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    maxLifetimeSeconds: config.jwtTtlSeconds,
  });
  if (!result.ok) {
    const message =
      result.reason === "expired" ? "El token de acceso venció; inicie sesión de nuevo" : undefined;
    throw new ApiError("UNAUTHENTICATED", { message });
  }
  const user = await cachedUser(c.env.DB, result.claims.sub);
  if (!user || user.disabled)
    throw new ApiError("UNAUTHENTICATED", { message: "El usuario no existe o está deshabilitado" });
  // At or before: a token issued in the very second of a revocation is refused too (a login after it is issued
  // later than that second: session.ts).
  if (result.claims.iat <= user.tokens_valid_after)
    throw new ApiError("UNAUTHENTICATED", { message: "El token fue revocado; inicie sesión de nuevo" });
  c.set("user", { id: user.id, email: user.email, role: user.role });
  await next();
});
