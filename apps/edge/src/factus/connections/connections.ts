import type { TokenSource } from "@factus-edge/factus-client/core";
import type { Context } from "hono";
import type { Env } from "../../platform/config";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import type { ConnectionAnswer, ConnectionToken } from "./connection-object";

// Stored Factus connections: who owns one (D1), and its tokens (its Durable Object, connection-object.ts). A request
// through a connection costs no trip in steady state: its access token is kept per isolate until shortly before it
// expires, and the object is asked only on a miss or when Factus refuses the token.

export interface ConnectionRow {
  id: string;
  user_id: string;
  company_nit: string;
  company_name: string;
  api_version: "v1" | "v2";
  status: "active" | "needs_reauth";
  created_at: number;
  updated_at: number;
}

export const connectionObject = (env: Env, id: string) =>
  env.FACTUS_CONNECTIONS.get(env.FACTUS_CONNECTIONS.idFromName(id));

/** A connection's id: "fc_" and 128 random bits. */
export const newConnectionId = () => `fc_${crypto.getRandomValues(new Uint8Array(16)).toHex()}`;

export function findConnection(db: D1Database, userId: string, id: string) {
  return db
    .prepare("SELECT * FROM factus_connections WHERE id = ?1 AND user_id = ?2")
    .bind(id, userId)
    .first<ConnectionRow>();
}

const needsReauth = (id: string) =>
  new ApiError("FACTUS_CONNECTION_NEEDS_REAUTH", {
    message:
      `Factus ya no acepta la conexión ${id}: renuévela con POST /api/v1/factus-connections/${id}/reauthorize ` +
      "(sus claves de API siguen sirviendo después)",
  });

/** A token is used from this isolate's memory until this long before it expires. */
const KEEP_UNTIL_MS = 60_000;
const MAX_KEPT = 10_000;
const kept = new Map<string, ConnectionToken>();

function tokenOf(id: string, answer: ConnectionAnswer): ConnectionToken {
  if (!answer.ok) {
    kept.delete(id);
    if (answer.reason === "needs_reauth") throw needsReauth(id);
    if (answer.reason === "refused")
      throw new ApiError("FACTUS_UNAUTHENTICATED", {
        message: `Factus rechazó el token recién renovado de la conexión ${id}: revise la cuenta en Factus`,
      });
    if (answer.reason === "unavailable")
      throw new ApiError("UPSTREAM_UNAVAILABLE", {
        message: `Factus no pudo renovar ahora el token de la conexión ${id}; reintente en un momento`,
        headers: { "Retry-After": "30" },
      });
    throw new ApiError("NOT_FOUND", { message: `No existe la conexión ${id}` });
  }
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(id, answer.token);
  return answer.token;
}

/** The connection's current access token: this isolate's copy, or its object's. */
export async function connectionToken(env: Env, id: string): Promise<string> {
  const hit = kept.get(id);
  if (hit && hit.expiresAt - Date.now() > KEEP_UNTIL_MS) return hit.accessToken;
  return tokenOf(id, await connectionObject(env, id).accessToken()).accessToken;
}

/** Drops this isolate's copy (the connection was deleted or reauthorized). */
export const forgetConnectionToken = (id: string) => kept.delete(id);

/**
 * The Factus client's token source for a request through a connection: on a 401 it asks the connection's object
 * for a token after the refused one (one refresh however many calls saw it refused) and the call is re-sent once.
 */
export function connectionTokenSource(c: Context<AppEnv>, id: string): TokenSource {
  let renewing: Promise<void> | undefined;
  return {
    token: async () => {
      await renewing;
      return c.get("factusToken");
    },
    invalidate: (rejected) => {
      renewing = connectionObject(c.env, id)
        .tokenAfterRejection(rejected)
        .then((answer) => {
          const token = tokenOf(id, answer);
          c.set("factusToken", token.accessToken);
          c.set("factusTokenDigest", undefined);
        });
      // Awaited by the re-send's `token()`; marked handled here so a failure is not reported twice.
      renewing.catch(() => undefined);
    },
  };
}
