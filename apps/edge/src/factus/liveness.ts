import { countFactusCall } from "../platform/factus-calls";
import { sha256Hex } from "../platform/sha256";

/**
 * Which Factus tokens Factus accepted lately, per isolate, keyed by the token's digest (never the token). A copy of a
 * document kept at the edge is served only to a token proven alive within PROOF_MS: a token that Factus refuses
 * (expired, or replaced by a refresh) stops reading cached documents at most PROOF_MS after its last proof, instead of
 * for as long as the entry lives (a day for files). The price: a token that only reads cached documents goes to
 * Factus once a minute per isolate to prove itself again, a miss that also refreshes the entry's proof.
 */
export const PROOF_MS = 60_000;
const MAX_TOKENS = 10_000;
const provenAt = new Map<string, number>();

export const isProvenAlive = (digest: string) => Date.now() - (provenAt.get(digest) ?? 0) < PROOF_MS;

/** Records what Factus answered a call made with `authorization`: any 2xx proves the token, a 401 disproves it. */
async function record(authorization: string | null, status: number) {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token || (status !== 401 && (status < 200 || status >= 300))) return;
  const digest = await sha256Hex(token);
  if (status === 401) provenAt.delete(digest);
  else {
    if (provenAt.size >= MAX_TOKENS) provenAt.clear();
    provenAt.set(digest, Date.now());
  }
}

/** `fetch` for the Factus client that records, from every answer, whether Factus accepted the caller's token. */
export const provingFetch: typeof fetch = async (input, init) => {
  countFactusCall();
  const response = await fetch(input, init);
  await record(new Headers(init?.headers).get("authorization"), response.status);
  return response;
};
