import type {
  FactusAdjustmentNote,
  FactusAdjustmentNoteSummary,
  FactusSupportDocument,
  FactusSupportDocumentSummary,
} from "@factus-edge/contracts/factus/support-documents";
import { factusV2Envelope, factusV2Page } from "@factus-edge/contracts/factus-v2/primitives";
import { FactusV2DocumentErrors, normalizeV2Errors } from "@factus-edge/contracts/factus-v2/response-parts";
import {
  FactusV2AdjustmentNote,
  FactusV2SupportDocument,
  FactusV2SupportRow,
} from "@factus-edge/contracts/factus-v2/support-documents";
import type * as z from "zod";
import type { Tagged } from "./documents";

// What support-document and adjustment-note reads return on each API version, as for bills (documents.ts): each
// answer parsed with its own version's schema and tagged with `apiVersion`. v2 `errors` are read as `"RULE: text"`.

const dianErrors = FactusV2DocumentErrors.transform(normalizeV2Errors);
const V2SupportDocumentData = FactusV2SupportDocument.extend({ errors: dianErrors });
const V2AdjustmentNoteData = FactusV2AdjustmentNote.extend({ errors: dianErrors });
const V2SupportRowData = FactusV2SupportRow.extend({ errors: dianErrors });
export type V2SupportDocumentData = z.output<typeof V2SupportDocumentData>;
export type V2AdjustmentNoteData = z.output<typeof V2AdjustmentNoteData>;
export type V2SupportRowData = z.output<typeof V2SupportRowData>;
export const V2SupportDocumentAnswer = factusV2Envelope(V2SupportDocumentData);
export const V2AdjustmentNoteAnswer = factusV2Envelope(V2AdjustmentNoteData);
export const V2SupportPageAnswer = factusV2Page(V2SupportRowData);

/** A v1 support document: `{ company, provider, support_document, items, withholding_taxes, adjustment_notes }`. */
export type V1SupportDocument = Tagged<FactusSupportDocument, "v1">;
/** A v2 support document: flat, `is_validated`/`validated_at`, `cuds`, `provider`, net item prices. */
export type V2SupportDocument = Tagged<V2SupportDocumentData, "v2">;
export type SupportDocument = V1SupportDocument | V2SupportDocument;
export type V1SupportDocumentRow = Tagged<FactusSupportDocumentSummary, "v1">;
/** A row of a v2 support-document or adjustment-note list: the provider nested, `is_validated`. */
export type V2SupportRow = Tagged<V2SupportRowData, "v2">;

/** A v1 adjustment note: the support document's shape with `adjustment_note` (`support_document_id`, `…_number`). */
export type V1AdjustmentNote = Tagged<FactusAdjustmentNote, "v1">;
/** A v2 adjustment note: a v2 support document plus `correction_concept` and `support_document`. */
export type V2AdjustmentNote = Tagged<V2AdjustmentNoteData, "v2">;
export type AdjustmentNote = V1AdjustmentNote | V2AdjustmentNote;
export type V1AdjustmentNoteRow = Tagged<FactusAdjustmentNoteSummary, "v1">;
