import type { ApiKeyScope } from "@factus-edge/contracts/schemas/connections";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { afterAnswer } from "../platform/after-answer";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { sha256Hex } from "../platform/sha256";
import { bearerOf, isApiKey, KEY_PREFIX } from "./bearer";
import type { Role } from "./users";

// API keys: a system's way in, bound to one stored Factus connection. A key is "fek_" and 192 random bits; only its
// SHA-256 is stored (nothing to guess, so a fast hash suffices), with a short prefix to recognize it by.

const PREFIX_SHOWN = 12;

export interface ApiKeyRow {
  id: string;
  user_id: string;
  connection_id: string;
  name: string;
  prefix: string;
  scopes: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export async function createApiKey(
  db: D1Database,
  input: { userId: string; connectionId: string; name: string; scopes: ApiKeyScope[] },
) {
  const random = crypto
    .getRandomValues(new Uint8Array(24))
    .toBase64({ alphabet: "base64url", omitPadding: true });
  const key = `${KEY_PREFIX}${random}`;
  const row: ApiKeyRow = {
    id: `key_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`,
    user_id: input.userId,
    connection_id: input.connectionId,
    name: input.name,
    prefix: key.slice(0, PREFIX_SHOWN),
    scopes: input.scopes.join(" "),
    created_at: Date.now(),
    last_used_at: null,
    revoked_at: null,
  };
  await db
    .prepare(
      `INSERT INTO api_keys (id, user_id, connection_id, name, prefix, key_hash, scopes, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(
      row.id,
      row.user_id,
      row.connection_id,
      row.name,
      row.prefix,
      await sha256Hex(key),
      row.scopes,
      row.created_at,
    )
    .run();
  return { row, key };
}

export function listApiKeys(db: D1Database, userId: string) {
  return db
    .prepare(
      `SELECT id, user_id, connection_id, name, prefix, scopes, created_at, last_used_at, revoked_at FROM api_keys
       WHERE user_id = ?1 AND revoked_at IS NULL ORDER BY created_at DESC`,
    )
    .bind(userId)
    .all<ApiKeyRow>()
    .then((result) => result.results);
}

/** Revokes one of the user's keys; false when the user has no such (live) key. */
export async function revokeApiKey(db: D1Database, userId: string, id: string) {
  const result = await db
    .prepare("UPDATE api_keys SET revoked_at = ?3 WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL")
    .bind(id, userId, Date.now())
    .run();
  for (const [hash, entry] of resolved) if (entry.key?.id === id) resolved.delete(hash);
  return result.meta.changes > 0;
}

/** Drops this isolate's copies of a deleted connection's keys (other isolates drop theirs within KEY_CACHE_MS). */
export function forgetKeysOfConnection(connectionId: string) {
  for (const [hash, entry] of resolved) if (entry.key?.connection_id === connectionId) resolved.delete(hash);
}

/** A key as a request uses it: the key and its user's standing. */
interface ResolvedKey {
  id: string;
  user_id: string;
  connection_id: string;
  scopes: string;
  created_at: number;
  revoked_at: number | null;
  email: string;
  role: Role;
  disabled: number;
  tokens_valid_after: number;
}

/**
 * Keys looked up in the last KEY_CACHE_MS, per isolate, so a system's steady traffic costs no D1 read: a revoked key
 * (or its user disabled) is refused everywhere within that time, at once in the isolate that revoked it.
 */
const KEY_CACHE_MS = 30_000;
const resolved = new Map<string, { key: ResolvedKey | null; at: number }>();
/** last_used_at is written at most this often per key and isolate. */
const TOUCH_EVERY_MS = 60_000;
const touched = new Map<string, number>();

async function resolveKey(db: D1Database, hash: string) {
  const hit = resolved.get(hash);
  if (hit && Date.now() - hit.at < KEY_CACHE_MS) return hit.key;
  const key = await db
    .prepare(
      `SELECT k.id, k.user_id, k.connection_id, k.scopes, k.created_at, k.revoked_at, u.email, u.role, u.disabled,
         u.tokens_valid_after
       FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_hash = ?1`,
    )
    .bind(hash)
    .first<ResolvedKey>();
  if (resolved.size >= 10_000) resolved.clear();
  resolved.set(hash, { key, at: Date.now() });
  return key;
}

const refused = (message: string) => new ApiError("UNAUTHENTICATED", { message });

/** Authenticates `Authorization: Bearer <API key>` for a route that needs `scope`. */
async function authenticateKey(c: Context<AppEnv>, bearer: string, scope: ApiKeyScope) {
  const key = await resolveKey(c.env.DB, await sha256Hex(bearer));
  if (!key || key.revoked_at !== null) throw refused("La clave de API no existe o fue revocada");
  // A user disabled, or whose sessions were revoked after the key was made, takes the key with them.
  if (key.disabled || Math.floor(key.created_at / 1000) <= key.tokens_valid_after)
    throw refused("La clave de API ya no es válida: su usuario fue deshabilitado o sus accesos revocados");
  const scopes = key.scopes.split(" ");
  if (!scopes.includes(scope))
    throw new ApiError("FORBIDDEN", { message: `La clave de API no tiene el permiso ${scope}` });
  c.set("user", { id: key.user_id, email: key.email, role: key.role });
  c.set("apiKey", { id: key.id, scopes });
  c.set("connectionId", key.connection_id);
  const last = touched.get(key.id) ?? 0;
  if (Date.now() - last > TOUCH_EVERY_MS) {
    touched.set(key.id, Date.now());
    await afterAnswer(
      c,
      c.env.DB.prepare("UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1").bind(key.id, Date.now()).run(),
    );
  }
}

/**
 * Authenticates a document route's caller: an API key with `scope` (its connection supplies the Factus token), or
 * else a logged-in user (`next`: the local JWT's own check).
 */
export const keyOr = (scope: ApiKeyScope, userCheck: ReturnType<typeof createMiddleware<AppEnv>>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const bearer = bearerOf(c);
    if (bearer && isApiKey(bearer)) {
      await authenticateKey(c, bearer, scope);
      return next();
    }
    return userCheck(c, next);
  });
