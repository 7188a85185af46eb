import type { FactusCreditNoteRequest } from "@factus-edge/contracts/factus/credit-notes";
import type { FactusV2CreditNoteRequestInput } from "@factus-edge/contracts/factus-v2/notes";
import { toFactusV1Prices } from "@factus-edge/contracts/mapping/to-factus-v1";
import { CreatedCreditNote } from "@factus-edge/contracts/schemas/credit-notes";
import { computeInvoiceTotals } from "@factus-edge/contracts/totals";
import { creditNotePage, getCreditNote } from "../../factus/documents";
import { type CreditNoteView, creditNoteViewOfV2 } from "../../factus/v2-views";
import { creditNoteDetail } from "../note-mappers";
import { createOptions, type DocumentFlow, type Expected, expectedOf } from "./flow";
import { noteLedger, noteParts } from "./notes";

/**
 * A credit note ready for Factus: v1's request as is (`bill_id`, tax-inclusive prices), or v2's body (`bill_number`,
 * net prices, `payment_details`) with what it must come out as, fixed when it was built. A pending note's retry
 * re-sends it unchanged.
 */
export type CreditNoteOrder =
  | FactusCreditNoteRequest
  | {
      factus_api_version: "v2";
      reference_code: string;
      body: FactusV2CreditNoteRequestInput;
      expected: Expected;
    };

export const creditNoteFlow: DocumentFlow<CreditNoteOrder, CreditNoteView, CreatedCreditNote> = {
  resource: "credit-notes",
  event: "credit_note",
  operation: { singular: "CreditNote", plural: "CreditNotes" },
  noun: "la nota crédito",
  nouns: "notas crédito",
  tag: "Notas crédito",
  versions: ["v1", "v2"],
  cache: { name: "credit-note", detailSeconds: 86_400 },
  resendsUnissued: false,
  mailed: true,
  createdSchema: CreatedCreditNote,
  messages: {
    created: "Nota crédito creada exitosamente",
    pending: "Nota crédito recibida; pendiente de la respuesta de la DIAN",
    existing: "Nota crédito ya emitida con este código de referencia",
    deleted: "Nota crédito eliminada exitosamente",
  },
  async create(c, order) {
    if ("factus_api_version" in order)
      return creditNoteViewOfV2(await c.get("factus").creditNotes.createV2(order.body, createOptions(c)));
    return c.get("factus").creditNotes.create(toFactusV1Prices(order), createOptions(c));
  },
  get: getCreditNote,
  list: creditNotePage,
  ...noteParts((c) => c.get("factus").creditNotes),
  expected: (order) =>
    "factus_api_version" in order
      ? order.expected
      : expectedOf(order.customer.identification, computeInvoiceTotals(order)),
  detail: (note, completion) => creditNoteDetail(note, completion),
  ledger: (note) => noteLedger("credit_note", note),
};
