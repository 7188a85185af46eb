import { isZip, storedZip } from "@factus-edge/contracts/factus/email-zip";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import type { Context } from "hono";
import { completionsOf, type JobRow, liveJobsByNumber } from "../completion/jobs";
import { callFactus, factusTokenDigest, upstream } from "../factus/call";
import { isProvenAlive } from "../factus/liveness";
import { afterAnswer } from "../platform/after-answer";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import { creditNoteFlow } from "./kinds/credit-note";
import type { AnyFlow, DocumentFlow } from "./kinds/flow";
import { invoiceFlow } from "./kinds/invoice";

// Reads of single documents, through the edge cache: Factus is asked only when this caller has no validated copy.

export type FileFormat = "pdf" | "xml";

/**
 * Documents DIAN has validated, kept at the edge so a far-away caller reads them without a trip to Factus.
 *
 * A validated document never changes (a correction is another document: a note), so its PDF and XML, and a note's
 * detail, are kept a day. An invoice's detail lists its notes, so it is kept 60 s and dropped here when a note on it
 * is issued (each kind says how long: `flow.cache`). Pending and rejected documents are never kept: they are about to
 * change.
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
const FILE_SECONDS = 86_400;

/** Not a real host: entries are addressed by URL, and this one can never collide with a fetched page. */
const KEY_ORIGIN = "https://document-cache.factus-edge.invalid";

/** A kind's detail (`invoice`) or file (`invoice-pdf`) in the cache. */
async function keyOf(c: Context<AppEnv>, kind: string, number: string) {
  return `${KEY_ORIGIN}/${await factusTokenDigest(c)}/${kind}/${encodeURIComponent(number)}`;
}

/**
 * The document from the edge cache (`X-Cache: HIT`), or from `load` (`X-Cache: MISS`), kept when `load` says it is
 * final. A cache that fails is a miss: the document still comes from Factus.
 */
async function throughDocumentCache<T>(
  c: Context<AppEnv>,
  kind: string,
  seconds: number,
  number: string,
  load: () => Promise<{ value: T; final: boolean }>,
  onMiss?: () => void,
): Promise<T> {
  const key = await keyOf(c, kind, number);
  // Only a token Factus accepted lately reads the edge's copy; any other goes to Factus, which proves or refuses it.
  const hit = isProvenAlive(await factusTokenDigest(c))
    ? await caches.default.match(key).catch(() => undefined)
    : undefined;
  if (hit) {
    c.header("X-Cache", "HIT");
    return (await hit.json()) as T;
  }
  onMiss?.();
  const { value, final } = await load();
  c.header("X-Cache", "MISS");
  if (final) {
    const entry = new Response(JSON.stringify(value), {
      headers: { "content-type": "application/json", "cache-control": `max-age=${seconds}` },
    });
    await afterAnswer(c, caches.default.put(key, entry));
  }
  return value;
}

/** Drops this caller's copy of a document's detail (an invoice's, when a note on it is issued). */
export async function forgetDocument(c: Context<AppEnv>, flow: AnyFlow, number: string) {
  const kind = flow.cache.name;
  await caches.default.delete(await keyOf(c, kind, number)).catch(() => false);
}

type Verdict = { status: Parameters<typeof dianStatusOf>[0]; errors: Parameters<typeof dianStatusOf>[1] };
const isValidated = (document: Verdict) => dianStatusOf(document.status, document.errors) === "validated";

const notFound = (flow: AnyFlow, number: string) => `No existe ${flow.noun} ${number}`;

/**
 * A document as Factus answers it; kept (`flow.cache`) once DIAN validated it. `onMiss` starts what must go beside
 * the Factus read (not after it) when the edge has no copy.
 */
export const documentOf = <Document>(
  c: Context<AppEnv>,
  flow: DocumentFlow<{ reference_code: string }, Document, unknown>,
  number: string,
  onMiss?: () => void,
) =>
  throughDocumentCache(
    c,
    flow.cache.name,
    flow.cache.detailSeconds,
    number,
    async () => {
      const document = await callFactus(() => flow.get(c, number), notFound(flow, number));
      return { value: document, final: isValidated(flow.record(document)) };
    },
    onMiss,
  );

/** An invoice as Factus answers it, through the edge cache. */
export const invoiceOf = (c: Context<AppEnv>, number: string, onMiss?: () => void) =>
  documentOf(c, invoiceFlow, number, onMiss);

/** A credit note as Factus answers it, through the edge cache. */
export const creditNoteOf = (c: Context<AppEnv>, number: string) => documentOf(c, creditNoteFlow, number);

/**
 * A document read beside where its background completion stands (read from D1 only when the edge has no copy, at
 * the same time as Factus: a cached validated document costs no trip at all).
 */
export async function withCompletion<Document>(
  c: Context<AppEnv>,
  flow: DocumentFlow<{ reference_code: string }, Document, unknown>,
  number: string,
) {
  let jobs: Promise<JobRow[]> | undefined;
  const document = await documentOf(c, flow, number, () => {
    jobs = liveJobsByNumber(c.env.DB, flow.resource, [number]);
  });
  const completion = jobs ? (completionsOf(await jobs, flow.companyOf(document)).get(number) ?? null) : null;
  return { document, completion };
}

async function download(c: Context<AppEnv>, flow: AnyFlow, format: FileFormat, number: string) {
  const files = flow.files(c);
  return callFactus(
    async () => {
      if (format === "pdf") {
        const file = await files.downloadPdf(number, upstream(c));
        return { name: file.file_name, content: file.pdf_base_64_encoded };
      }
      const file = await files.downloadXml(number, upstream(c));
      return { name: file.file_name, content: file.xml_base_64_encoded };
    },
    notFound(flow, number),
  );
}

/**
 * A document's PDF or XML. Kept only when the document itself is validated, which is asked once the download has
 * succeeded (through the cache: after a read of the detail it costs nothing; otherwise one more Factus read, once per
 * token). Asked after, not beside: the file's own errors must be the route's answer, never hidden behind the other
 * call's.
 */
export const documentFileOf = (c: Context<AppEnv>, flow: AnyFlow, format: FileFormat, number: string) =>
  throughDocumentCache(c, `${flow.cache.name}-${format}`, FILE_SECONDS, number, async () => {
    const file = await download(c, flow, format, number);
    const final = await documentOf(c, flow, number)
      .then((document) => isValidated(flow.record(document)))
      .catch(() => false); // the file is still answered, only not kept
    return { value: file, final };
  });

/**
 * What Factus builds for the buyer's e-mail when the company sends it itself (`send_email: false`): DIAN's subject and
 * the attachment, always as the ZIP DIAN's e-mail carries. Factus does not publish what its `attached_document`
 * holds: the ZIP (AttachedDocument XML and PDF) is passed on as it is; an AttachedDocument XML alone is zipped here.
 */
export async function emailContentOf(c: Context<AppEnv>, flow: AnyFlow, number: string) {
  const emailContent = flow.files(c).emailContent;
  if (!emailContent) throw new ApiError("NOT_FOUND", { message: `Factus no envía ${flow.nouns} por correo` });
  const content = await callFactus(() => emailContent(number, upstream(c)), notFound(flow, number));
  if (!content.attached_document) {
    throw new ApiError("UPSTREAM_ERROR", {
      message: `Factus no entregó el adjunto del correo de ${number}: intente de nuevo, o envíelo con send-email`,
    });
  }
  const bytes = Uint8Array.fromBase64(content.attached_document);
  const zip = isZip(bytes) ? bytes : storedZip([{ name: `${number}.xml`, bytes }]);
  return { subject: content.subject, name: number, content: zip.toBase64() };
}
