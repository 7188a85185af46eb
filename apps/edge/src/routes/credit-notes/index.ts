import {
  CreditNoteDetail,
  CreditNoteList,
  CreditNoteListQuery,
} from "@factus-edge/contracts/schemas/credit-notes";
import { creditNoteFlow } from "../../documents/kinds/credit-note";
import { documentKindRouter } from "../kinds/router";
import { createCreditNote, createCreditNoteRoute } from "./create";

export const creditNotesRouter = documentKindRouter(creditNoteFlow, {
  create: { route: createCreditNoteRoute, handler: createCreditNote },
  list: CreditNoteList,
  query: CreditNoteListQuery,
  detail: CreditNoteDetail,
  detailDescription:
    "Detalle de una nota crédito: empresa, cliente, totales, CUDE, estado ante la DIAN, concepto de corrección, " +
    "la factura que corrige (`invoice_number`) e ítems.",
});
