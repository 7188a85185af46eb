import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { sha256Hex } from "../platform/sha256";
import { toApiError } from "./errors";

/**
 * Per-call options for the Factus client: the caller's Factus token (or, through a stored connection, a source that
 * renews it on a 401), and our request id as X-Request-Id.
 */
export const upstream = (c: Context<AppEnv>) => {
  const tokens = c.get("factusTokens");
  return tokens
    ? { requestId: c.get("requestId"), tokens }
    : { requestId: c.get("requestId"), accessToken: c.get("factusToken") };
};

/** Runs a Factus call, translating its errors into the API's envelope. */
export async function callFactus<T>(work: () => Promise<T>, notFoundMessage?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error, notFoundMessage);
  }
}

/**
 * The digest of the caller's Factus token, which keys what is kept per Factus company (its numbering ranges, its
 * documents at the edge) without keeping the token itself. Computed once per request, however many caches ask.
 */
export function factusTokenDigest(c: Context<AppEnv>) {
  let digest = c.get("factusTokenDigest");
  if (!digest) {
    digest = sha256Hex(c.get("factusToken"));
    c.set("factusTokenDigest", digest);
  }
  return digest;
}
