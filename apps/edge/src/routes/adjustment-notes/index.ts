import {
  AdjustmentNoteDetail,
  AdjustmentNoteList,
  AdjustmentNoteListQuery,
} from "@factus-edge/contracts/schemas/support-documents";
import { adjustmentNoteFlow } from "../../documents/kinds/adjustment-note";
import { documentKindRouter } from "../kinds/router";
import { createAdjustmentNote, createAdjustmentNoteRoute } from "./create";

export const adjustmentNotesRouter = documentKindRouter(adjustmentNoteFlow, {
  create: { route: createAdjustmentNoteRoute, handler: createAdjustmentNote },
  list: AdjustmentNoteList,
  query: AdjustmentNoteListQuery,
  detail: AdjustmentNoteDetail,
  detailDescription:
    "Detalle de una nota de ajuste: la empresa, el proveedor, totales, retenciones, CUDS, estado ante la DIAN, el " +
    "concepto y el documento soporte que corrige (`support_document_number`).",
});
