import type { Context } from "hono";
import type { AppEnv } from "./context";

/** SHA-256 of a text, as lowercase hex. */
export async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return new Uint8Array(digest).toHex();
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
