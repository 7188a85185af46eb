import { storedZip } from "@factus-edge/contracts/factus";
import type { Context } from "hono";
import type { EmulatorEnv } from "../context";
import {
  attachedDocumentXml,
  documentFileName,
  documentPdf,
  documentXml,
  type PrintableDocument,
} from "../documents/printable";
import { loseAnswer, subscriptionExhausted } from "../faults";
import { conflict, created, done, notFound, ok, validationError } from "../http";
import type { IssueOutcome } from "../services/issue-document";
import type { DocumentRow } from "../store/rows";
import type { Store } from "../store/store";

// What every document kind shares: the answer to a create, their files and deletion by reference code.

const NOUN = {
  bill: "la factura",
  credit_note: "la nota crédito",
  debit_note: "la nota débito",
  support_document: "el documento soporte",
  adjustment_note: "la nota de ajuste",
} as const;
const PENDING_BLOCK = {
  bill: "Se encontró una factura pendiente por enviar a la DIAN",
  credit_note: "Se encontró una nota crédito pendiente por enviar a la DIAN",
  // No source quotes it for the kinds below; the credit note's wording, for each.
  debit_note: "Se encontró una nota débito pendiente por enviar a la DIAN",
  support_document: "Se encontró un documento soporte pendiente por enviar a la DIAN",
  adjustment_note: "Se encontró una nota de ajuste pendiente por enviar a la DIAN",
} as const;

/**
 * Factus' answer to a create-and-validate, from what DIAN said: 201 validated or still pending (`status` 0 with no
 * "Rechazo" in `errors`), 200 for a re-sent validated reference when the account returns it, 422 for a rejection
 * (the document stays stored, numbered) or a used reference, 409 while another document blocks the range. A
 * `lost-after-issue` fault then loses that answer after the document was stored.
 */
export async function answerIssue(
  c: Context<EmulatorEnv>,
  kind: DocumentRow["kind"],
  outcome: IssueOutcome,
  view: (row: DocumentRow) => Promise<unknown>,
  /** Answer a rejection with the stored document and 201 (a v2 reading), not v1's 422. */
  rejectedAsDocument = false,
): Promise<Response> {
  switch (outcome.kind) {
    case "invalid":
      return validationError(c, outcome.errors);
    case "duplicate":
      return validationError(c, {
        reference_code: [
          `El código de referencia ${outcome.existing.reference_code} ya fue usado en ${NOUN[kind]} ${outcome.existing.number}`,
        ],
      });
    case "pending-block":
      return conflict(c, PENDING_BLOCK[kind]);
    case "exhausted":
      return subscriptionExhausted();
    case "rejected": {
      if (rejectedAsDocument) {
        const data = await view(outcome.row);
        const message = `Documento con el código de referencia ${outcome.row.reference_code} registrado; rechazado por la DIAN`;
        return loseAnswer(c.get("documentFaults").lostAfterIssue, created(c, data, message));
      }
      const answer = validationError(
        c,
        outcome.errors,
        `Documento ${outcome.row.number} rechazado por la DIAN`,
      );
      return loseAnswer(c.get("documentFaults").lostAfterIssue, answer);
    }
    case "issued": {
      const { row } = outcome;
      const reference = `Documento con el código de referencia ${row.reference_code}`;
      const data = await view(row);
      const answer = outcome.resent
        ? ok(c, data, `${reference} ya fue validado por la DIAN`)
        : row.status === 1
          ? created(c, data, `${reference} registrado y validado con éxito`)
          : created(c, data, `${reference} registrado; pendiente de la respuesta de la DIAN`);
      return loseAnswer(c.get("documentFaults").lostAfterIssue, answer);
    }
  }
}

/** `data` of download-pdf. */
export const pdfData = (document: PrintableDocument) => ({
  file_name: documentFileName(document),
  pdf_base_64_encoded: documentPdf(document).toBase64(),
});

/** `data` of download-xml (and v2's download-attached-document-xml, with `attachedDocumentXml`). */
export const xmlData = (document: PrintableDocument, xml = documentXml) => ({
  file_name: documentFileName(document),
  xml_base_64_encoded: new TextEncoder().encode(xml(document)).toBase64(),
});

/** DIAN's document type codes, as the e-mail subject carries them (05 and 95: support documents are not e-mailed). */
const DIAN_DOCUMENT_TYPES = {
  bill: "01",
  credit_note: "91",
  debit_note: "92",
  support_document: "05",
  adjustment_note: "95",
} as const;

/**
 * `data` of email-content: DIAN's subject line and the attachment of the e-mail to the buyer, base64. Factus does not
 * publish this answer (SPEC §7, unpublished shapes); DIAN's rule for the e-mail (Anexo técnico 1.9, "Envío al
 * adquiriente") is one ZIP with the AttachedDocument XML and the PDF, so the emulator answers that ZIP by default;
 * EMAIL_CONTENT_ATTACHMENT "xml" answers the AttachedDocument XML alone (the other reading).
 */
export const emailContentData = (document: PrintableDocument, attachment: "zip" | "xml") => {
  const { company } = document;
  const name = documentFileName(document);
  const xml = new TextEncoder().encode(attachedDocumentXml(document));
  return {
    subject: `${company.nit};${company.company};${document.number};${DIAN_DOCUMENT_TYPES[document.kind]};${company.company}`,
    attached_document: (attachment === "xml"
      ? xml
      : storedZip([
          { name: `${name}.xml`, bytes: xml },
          { name: `${name}.pdf`, bytes: documentPdf(document) },
        ])
    ).toBase64(),
  };
};

/** Deletes a document DIAN has not validated, by its reference code (a validated one needs a credit note). */
export const deleteByReference = (store: Store, kind: DocumentRow["kind"]) => (c: Context) => {
  const reference = c.req.param("reference") ?? "";
  const row = store.documentByReference(kind, reference);
  if (!row) return notFound(c, `No se encontró un documento con código de referencia ${reference}`);
  if (row.status === 1) {
    return validationError(c, {
      reference_code: ["El documento ya fue validado por la DIAN y no se puede eliminar"],
    });
  }
  store.deleteDocument(row.id);
  return done(c, `Documento con código de referencia ${reference} eliminado con éxito`);
};
