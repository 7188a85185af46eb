import type { FactusAdjustmentNoteRequestInput } from "@factus-edge/contracts/factus/support-documents";
import type { FactusV2AdjustmentNoteRequest } from "@factus-edge/contracts/factus-v2/support-documents";
import { CreatedAdjustmentNote } from "@factus-edge/contracts/schemas/support-documents";
import type * as z from "zod";
import {
  adjustmentNotePage,
  getAdjustmentNote,
  type SupportView,
  supportViewOf,
} from "../../factus/support-views";
import { adjustmentNoteDetail, createdAdjustmentNote } from "../support-mappers";
import { createOptions, type DocumentFlow } from "./flow";
import { type SupportOrder, supportLedger, supportParts } from "./support";

export type AdjustmentNoteOrder = SupportOrder<
  FactusAdjustmentNoteRequestInput,
  z.input<typeof FactusV2AdjustmentNoteRequest>
>;

export const adjustmentNoteFlow: DocumentFlow<AdjustmentNoteOrder, SupportView, CreatedAdjustmentNote> = {
  resource: "adjustment-notes",
  event: "adjustment_note",
  operation: { singular: "AdjustmentNote", plural: "AdjustmentNotes" },
  noun: "la nota de ajuste",
  nouns: "notas de ajuste",
  tag: "Documentos soporte",
  cache: { name: "adjustment-note", detailSeconds: 86_400 },
  resendsUnissued: true,
  createdSchema: CreatedAdjustmentNote,
  messages: {
    created: "Nota de ajuste creada exitosamente",
    pending: "Nota de ajuste recibida; pendiente de la respuesta de la DIAN",
    existing: "Nota de ajuste ya emitida con este código de referencia",
    deleted: "Nota de ajuste eliminada exitosamente",
  },
  async create(c, order) {
    const notes = c.get("factus").adjustmentNotes;
    return supportViewOf(
      order.factus_api_version === "v1"
        ? await notes.create(order.body, createOptions(c))
        : await notes.createV2(order.body, createOptions(c)),
    );
  },
  get: getAdjustmentNote,
  list: adjustmentNotePage,
  ...supportParts((c) => c.get("factus").adjustmentNotes),
  created: createdAdjustmentNote,
  detail: (note, completion) => adjustmentNoteDetail(note, completion),
  ledger: (note) => supportLedger("adjustment_note", note),
};
