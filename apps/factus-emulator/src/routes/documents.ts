import type { Context } from "hono";
import { documentFileName, documentPdf, documentXml, type PrintableDocument } from "../documents/printable";
import { base64 } from "../documents/qr-png";
import { done, notFound, validationError } from "../http";
import type { Store } from "../store/store";

// What bills and credit notes share: their files and deletion by reference code.

/** `data` of download-pdf. */
export const pdfData = (document: PrintableDocument) => ({
  file_name: documentFileName(document),
  pdf_base_64_encoded: base64(documentPdf(document)),
});

/** `data` of download-xml. */
export const xmlData = (document: PrintableDocument) => ({
  file_name: documentFileName(document),
  xml_base_64_encoded: base64(new TextEncoder().encode(documentXml(document))),
});

/** Deletes a document DIAN has not validated, by its reference code (a validated one needs a credit note). */
export const deleteByReference = (store: Store, kind: "bill" | "credit_note") => (c: Context) => {
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
