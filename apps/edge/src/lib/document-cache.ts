import type { Context } from "hono";
import { afterAnswer } from "./after-answer";
import type { AppEnv } from "./context";
import { factusTokenDigest } from "./digest";

/**
 * Documents DIAN has validated, kept at the edge so a far-away caller reads them without a trip to Factus.
 *
 * A validated document never changes (a correction is another document: a credit note), so its PDF and XML, and a
 * credit note's detail, are kept a day. An invoice's detail lists its credit notes, so it is kept 60 s and dropped
 * here when a note on it is issued. Pending and rejected documents are never kept: they are about to change.
 *
 * Why the Cache API and not KV: a read is local and free, a delete takes effect at once, and nothing is billed per
 * write; KV is global but eventually consistent (a deleted detail could be served for ~60 s anywhere) and metered.
 * The Cache API is per location: a note issued elsewhere reaches this location's copy of the detail within its
 * 60 s. On a `*.workers.dev` hostname the Cache API stores nothing, so every read is a miss that goes to Factus:
 * correct, only not faster; deploy on a custom-domain route to use it.
 *
 * The key begins with a SHA-256 digest of the caller's Factus token, the proof of which Factus company is asking:
 * only a caller holding the very same token can read an entry, so one company can never read another's documents.
 */
export type CachedDocument =
  | "invoice"
  | "invoice-pdf"
  | "invoice-xml"
  | "credit-note"
  | "credit-note-pdf"
  | "credit-note-xml";

const SECONDS_KEPT: Record<CachedDocument, number> = {
  invoice: 60,
  "invoice-pdf": 86_400,
  "invoice-xml": 86_400,
  "credit-note": 86_400,
  "credit-note-pdf": 86_400,
  "credit-note-xml": 86_400,
};

/** Not a real host: entries are addressed by URL, and this one can never collide with a fetched page. */
const KEY_ORIGIN = "https://document-cache.factus-edge.invalid";

async function keyOf(c: Context<AppEnv>, kind: CachedDocument, number: string) {
  return `${KEY_ORIGIN}/${await factusTokenDigest(c)}/${kind}/${encodeURIComponent(number)}`;
}

/**
 * The document from the edge cache (`X-Cache: HIT`), or from `load` (`X-Cache: MISS`), kept when `load` says it is
 * final. A cache that fails is a miss: the document still comes from Factus.
 */
export async function throughDocumentCache<T>(
  c: Context<AppEnv>,
  kind: CachedDocument,
  number: string,
  load: () => Promise<{ value: T; final: boolean }>,
): Promise<T> {
  const key = await keyOf(c, kind, number);
  const hit = await caches.default.match(key).catch(() => undefined);
  if (hit) {
    c.header("X-Cache", "HIT");
    return (await hit.json()) as T;
  }
  const { value, final } = await load();
  c.header("X-Cache", "MISS");
  if (final) {
    const entry = new Response(JSON.stringify(value), {
      headers: { "content-type": "application/json", "cache-control": `max-age=${SECONDS_KEPT[kind]}` },
    });
    await afterAnswer(c, caches.default.put(key, entry));
  }
  return value;
}

/** Drops this caller's copy of a document (an invoice's detail, when a credit note on it is issued). */
export async function forgetDocument(c: Context<AppEnv>, kind: CachedDocument, number: string) {
  await caches.default.delete(await keyOf(c, kind, number)).catch(() => false);
}
