import { dianStatusOf } from "@factus-edge/contracts";
import { isZip, storedZip } from "@factus-edge/contracts/factus";
import type { Context } from "hono";
import { completionsOf, type JobKind, type JobRow, liveJobsByNumber } from "../completion/jobs";
import { callFactus, factusTokenDigest, upstream } from "../factus/call";
import { getBill, getCreditNote } from "../factus/documents";
import { isProvenAlive } from "../factus/liveness";
import { afterAnswer } from "../platform/after-answer";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";

// Reads of single documents, through the edge cache: Factus is asked only when this caller has no validated copy.

export type DocumentKind = "invoice" | "credit-note";
export type FileFormat = "pdf" | "xml";

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
async function throughDocumentCache<T>(
  c: Context<AppEnv>,
  kind: CachedDocument,
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

const NOT_FOUND: Record<DocumentKind, string> = {
  invoice: "No existe la factura",
  "credit-note": "No existe la nota crédito",
};

type Verdict = { status: Parameters<typeof dianStatusOf>[0]; errors: Parameters<typeof dianStatusOf>[1] };
const isValidated = (document: Verdict) => dianStatusOf(document.status, document.errors) === "validated";

/**
 * An invoice as Factus answers it; kept (60 s) once DIAN validated it. `onMiss` starts what must go beside the
 * Factus read (not after it) when the edge has no copy.
 */
export const invoiceOf = (c: Context<AppEnv>, number: string, onMiss?: () => void) =>
  throughDocumentCache(
    c,
    "invoice",
    number,
    async () => {
      const bill = await callFactus(() => getBill(c, number), `${NOT_FOUND.invoice} ${number}`);
      return { value: bill, final: isValidated(bill.bill) };
    },
    onMiss,
  );

/** A credit note as Factus answers it; kept once DIAN validated it (nothing changes a validated note). */
export const creditNoteOf = (c: Context<AppEnv>, number: string, onMiss?: () => void) =>
  throughDocumentCache(
    c,
    "credit-note",
    number,
    async () => {
      const note = await callFactus(() => getCreditNote(c, number), `${NOT_FOUND["credit-note"]} ${number}`);
      return { value: note, final: isValidated(note.credit_note) };
    },
    onMiss,
  );

/**
 * A document read beside where its background completion stands (read from D1 only when the edge has no copy, at
 * the same time as Factus: a cached validated document costs no trip at all). The document names its company.
 */
export async function withCompletion<T>(
  c: Context<AppEnv>,
  kind: JobKind,
  number: string,
  read: (c: Context<AppEnv>, number: string, onMiss: () => void) => Promise<T>,
  companyOf: (document: T) => string,
) {
  let jobs: Promise<JobRow[]> | undefined;
  const document = await read(c, number, () => {
    jobs = liveJobsByNumber(c.env.DB, kind, [number]);
  });
  const completion = jobs ? (completionsOf(await jobs, companyOf(document)).get(number) ?? null) : null;
  return { document, completion };
}

async function download(c: Context<AppEnv>, kind: DocumentKind, format: FileFormat, number: string) {
  const factus = c.get("factus");
  const resource = kind === "invoice" ? factus.bills : factus.creditNotes;
  const options = upstream(c);
  return callFactus(async () => {
    if (format === "pdf") {
      const file = await resource.downloadPdf(number, options);
      return { name: file.file_name, content: file.pdf_base_64_encoded };
    }
    const file = await resource.downloadXml(number, options);
    return { name: file.file_name, content: file.xml_base_64_encoded };
  }, `${NOT_FOUND[kind]} ${number}`);
}

/**
 * A document's PDF or XML. Kept only when the document itself is validated, which is asked once the download has
 * succeeded (through the cache: after a read of the detail it costs nothing; otherwise one more Factus read, once per
 * token). Asked after, not beside: the file's own errors must be the route's answer, never hidden behind the other
 * call's.
 */
export const documentFileOf = (c: Context<AppEnv>, kind: DocumentKind, format: FileFormat, number: string) =>
  throughDocumentCache(c, `${kind}-${format}`, number, async () => {
    const file = await download(c, kind, format, number);
    const final = await (kind === "invoice"
      ? invoiceOf(c, number).then(({ bill }) => isValidated(bill))
      : creditNoteOf(c, number).then(({ credit_note }) => isValidated(credit_note))
    ).catch(() => false); // the file is still answered, only not kept
    return { value: file, final };
  });

/**
 * What Factus builds for the buyer's e-mail when the company sends it itself (`send_email: false`): DIAN's subject and
 * the attachment, always as the ZIP DIAN's e-mail carries. Factus does not publish what its `attached_document`
 * holds: the ZIP (AttachedDocument XML and PDF) is passed on as it is; an AttachedDocument XML alone is zipped here.
 */
export async function emailContentOf(c: Context<AppEnv>, kind: DocumentKind, number: string) {
  const factus = c.get("factus");
  const resource = kind === "invoice" ? factus.bills : factus.creditNotes;
  const content = await callFactus(
    () => resource.emailContent(number, upstream(c)),
    `${NOT_FOUND[kind]} ${number}`,
  );
  if (!content.attached_document) {
    throw new ApiError("UPSTREAM_ERROR", {
      message: `Factus no entregó el adjunto del correo de ${number}: intente de nuevo, o envíelo con send-email`,
    });
  }
  const bytes = Uint8Array.fromBase64(content.attached_document);
  const zip = isZip(bytes) ? bytes : storedZip([{ name: `${number}.xml`, bytes }]);
  return { subject: content.subject, name: number, content: zip.toBase64() };
}
