import { dianStatusOf } from "@factus-edge/contracts";
import type { Context } from "hono";
import type { AppEnv } from "./context";
import { throughDocumentCache } from "./document-cache";
import type { FileFormat } from "./document-files";
import { callFactus, upstream } from "./upstream";

// Reads of single documents, through the edge cache: Factus is asked only when this caller has no validated copy.

export type DocumentKind = "invoice" | "credit-note";

const NOT_FOUND: Record<DocumentKind, string> = {
  invoice: "No existe la factura",
  "credit-note": "No existe la nota crédito",
};

type Verdict = { status: Parameters<typeof dianStatusOf>[0]; errors: Parameters<typeof dianStatusOf>[1] };
const isValidated = (document: Verdict) => dianStatusOf(document.status, document.errors) === "validated";

/** An invoice as Factus answers it; kept (60 s) once DIAN validated it. */
export const invoiceOf = (c: Context<AppEnv>, number: string) =>
  throughDocumentCache(c, "invoice", number, async () => {
    const bill = await callFactus(
      () => c.get("factus").bills.get(number, upstream(c)),
      `${NOT_FOUND.invoice} ${number}`,
    );
    return { value: bill, final: isValidated(bill.bill) };
  });

/** A credit note as Factus answers it; kept once DIAN validated it (nothing changes a validated note). */
export const creditNoteOf = (c: Context<AppEnv>, number: string) =>
  throughDocumentCache(c, "credit-note", number, async () => {
    const note = await callFactus(
      () => c.get("factus").creditNotes.get(number, upstream(c)),
      `${NOT_FOUND["credit-note"]} ${number}`,
    );
    return { value: note, final: isValidated(note.credit_note) };
  });

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
