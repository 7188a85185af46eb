export { MAX_REMEMBERED_TOKENS } from "./api-version";
export { FactusClient } from "./client";
export type { TokenSource } from "./core";
export {
  type BillDocument,
  type ByVersion,
  type CreditNoteDocument,
  documentView,
  type FactusDocumentView,
  type V1BillDocument,
  type V1BillRow,
  type V1CreditNoteDocument,
  type V1CreditNoteRow,
  type V2BillDocument,
  type V2BillRow,
  type V2NoteDocument,
  type V2NoteRow,
} from "./documents";
export { parseRetryAfter, parseValidationBody } from "./error-mapping";
export * from "./errors";
export {
  FACTUS_ENVIRONMENTS,
  type FactusApiVersionOption,
  type FactusClientOptions,
  type FactusCredentials,
  type FactusEnvironment,
  type RequestOptions,
} from "./options";
export { Page } from "./pagination";
export type { BillFilters, DocumentListParams, V2OnlyFilters } from "./resources/document-routes";
export type { AdjustmentNotesResource, SupportDocumentsResource } from "./resources/support-documents";
export type {
  AdjustmentNote,
  SupportDocument,
  V1AdjustmentNote,
  V1AdjustmentNoteRow,
  V1SupportDocument,
  V1SupportDocumentRow,
  V2AdjustmentNote,
  V2SupportDocument,
  V2SupportRow,
} from "./support-documents";
export { CLIENT_VERSION, DEFAULT_USER_AGENT } from "./version";
