import type { FactusBill, FactusBillSummary } from "@factus-edge/contracts/factus/bills";
import type { FactusCreditNote, FactusCreditNoteSummary } from "@factus-edge/contracts/factus/credit-notes";
import { FactusV2Bill, FactusV2BillRow } from "@factus-edge/contracts/factus-v2/bills";
import { FactusV2Note, FactusV2NoteRow } from "@factus-edge/contracts/factus-v2/notes";
import { factusV2Envelope, factusV2Page } from "@factus-edge/contracts/factus-v2/primitives";
import { FactusV2DocumentErrors, normalizeV2Errors } from "@factus-edge/contracts/factus-v2/response-parts";
import type * as z from "zod";
import type { FactusApiVersion } from "./errors";

// What document reads return on each API version. Each answer is parsed with its own version's schema (v1's from
// @factus-edge/contracts, v2's from @factus-edge/contracts/factus-v2) and tagged with `apiVersion`, so a caller of an
// "auto" client narrows with `if (bill.apiVersion === "v2")`. `documentView` reads the fields a document lifecycle
// needs the same way on both.

/**
 * A read whose answer differs by version, for a client built with `apiVersion: V`: that version's shape when pinned,
 * either one with `"auto"`, and `Legacy` (0.1's type) when the option was left out.
 */
export type ByVersion<V, One, Two, Legacy = One> = [V] extends [undefined]
  ? Legacy
  : [V] extends ["v1"]
    ? One
    : [V] extends ["v2"]
      ? Two
      : One | Two;

export type Tagged<T, V extends FactusApiVersion> = T & { apiVersion: V };
export const tag = <T extends object, V extends FactusApiVersion>(value: T, apiVersion: V): Tagged<T, V> => ({
  ...value,
  apiVersion,
});

// v2 `errors` come as an object keyed by rule or as a list: read as `"RULE: text"` strings, like v1's.
const dianErrors = FactusV2DocumentErrors.transform(normalizeV2Errors);
const V2BillData = FactusV2Bill.extend({ errors: dianErrors });
const V2BillRowData = FactusV2BillRow.extend({ errors: dianErrors });
const V2NoteData = FactusV2Note.extend({ errors: dianErrors });
const V2NoteRowData = FactusV2NoteRow.extend({ errors: dianErrors });
/** Untagged `data` of v2's document answers, `errors` read as strings. */
export type V2BillData = z.output<typeof V2BillData>;
export type V2BillRowData = z.output<typeof V2BillRowData>;
export type V2NoteData = z.output<typeof V2NoteData>;
export type V2NoteRowData = z.output<typeof V2NoteRowData>;
export const V2BillAnswer = factusV2Envelope(V2BillData);
export const V2BillPageAnswer = factusV2Page(V2BillRowData);
export const V2NoteAnswer = factusV2Envelope(V2NoteData);
export const V2NotePageAnswer = factusV2Page(V2NoteRowData);

export type V1BillDocument = Tagged<FactusBill, "v1">;
/** A v2 bill: flat, net item prices, `is_validated`/`validated_at`, `errors` as `"RULE: text"` strings. */
export type V2BillDocument = Tagged<V2BillData, "v2">;
export type BillDocument = V1BillDocument | V2BillDocument;
export type V1BillRow = Tagged<FactusBillSummary, "v1">;
export type V2BillRow = Tagged<V2BillRowData, "v2">;

export type V1CreditNoteDocument = Tagged<FactusCreditNote, "v1">;
/** A v2 credit (or debit) note: shaped like a v2 bill, with `cude` for `cufe`. */
export type V2NoteDocument = Tagged<V2NoteData, "v2">;
export type CreditNoteDocument = V1CreditNoteDocument | V2NoteDocument;
export type V1CreditNoteRow = Tagged<z.output<typeof FactusCreditNoteSummary>, "v1">;
export type V2NoteRow = Tagged<V2NoteRowData, "v2">;

// The version-neutral view lives apart (document-view.ts): it reads documents without building their schemas.
export { documentView, type FactusDocumentView } from "./document-view";
