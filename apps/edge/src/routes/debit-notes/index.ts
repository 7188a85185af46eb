import {
  DebitNoteDetail,
  DebitNoteList,
  DebitNoteListQuery,
} from "@factus-edge/contracts/schemas/debit-notes";
import { debitNoteFlow } from "../../documents/kinds/debit-note";
import { documentKindRouter } from "../kinds/router";
import { createDebitNote, createDebitNoteRoute } from "./create";

export const debitNotesRouter = documentKindRouter(debitNoteFlow, {
  create: { route: createDebitNoteRoute, handler: createDebitNote },
  list: DebitNoteList,
  query: DebitNoteListQuery,
  detail: DebitNoteDetail,
  detailDescription:
    "Detalle de una nota débito (solo Factus v2): empresa, cliente, totales, CUDE, estado ante la DIAN, concepto, la " +
    "factura a la que se refiere (`invoice_number`) e ítems.",
});
