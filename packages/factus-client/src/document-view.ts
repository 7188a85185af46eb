import { normalizeV2Errors } from "@factus-edge/contracts/factus-v2/dian-errors";
import type {
  BillDocument,
  CreditNoteDocument,
  V1BillDocument,
  V1CreditNoteDocument,
  V2BillDocument,
  V2NoteDocument,
} from "./documents";
import type { FactusApiVersion } from "./errors";

// Types only from documents.ts: its module builds the v2 answer schemas, which reading a document does not need (a
// gateway router that only reads views never builds them).

/** The fields a document's lifecycle reads, the same on both API versions. */
export interface FactusDocumentView {
  apiVersion: FactusApiVersion;
  number: string;
  referenceCode: string | null;
  /** DIAN validated it (v1 `status` 1, v2 `is_validated`). */
  isValidated: boolean;
  validatedAt: string | null;
  /** Not validated and a DIAN notification says "Rechazo"; not validated without one means DIAN is slow. */
  isRejected: boolean;
  /** DIAN's notifications and rejections, `"RULE: text"`. */
  errors: string[];
  /** CUFE of a bill, CUDE of a note. */
  key: string | null;
  /** Total to pay, a 2-decimal string. */
  total: string;
  customerIdentification: string;
  prefix: string | null;
  qrUrl: string | null;
}

/** The version-neutral view of a bill or note, as any document read or create of this client returns it. */
export function documentView(document: BillDocument | CreditNoteDocument): FactusDocumentView {
  const fields = document.apiVersion === "v2" ? v2Fields(document) : v1Fields(document);
  const errors = normalizeV2Errors(fields.errors);
  const isRejected = !fields.isValidated && errors.some((text) => /Rechazo/i.test(text));
  return { ...fields, errors, isRejected };
}

function v2Fields(document: V2BillDocument | V2NoteDocument): Omit<FactusDocumentView, "isRejected"> {
  const key = (document as V2BillDocument).cufe ?? (document as V2NoteDocument).cude;
  return {
    apiVersion: "v2",
    number: document.number,
    referenceCode: document.reference_code,
    isValidated: document.is_validated,
    validatedAt: document.validated_at,
    errors: document.errors,
    key: typeof key === "string" ? key : null,
    total: document.totals.total,
    customerIdentification: document.customer.identification,
    prefix: document.numbering_range?.prefix ?? null,
    qrUrl: document.links?.qr ?? null,
  };
}

function v1Fields(document: V1BillDocument | V1CreditNoteDocument): Omit<FactusDocumentView, "isRejected"> {
  const bill = (document as V1BillDocument).bill as V1BillDocument["bill"] | undefined;
  const note = (document as V1CreditNoteDocument).credit_note;
  const record = bill ?? note;
  const prefix = (document as V1BillDocument).numbering_range?.prefix;
  return {
    apiVersion: "v1",
    number: record.number,
    referenceCode: record.reference_code,
    isValidated: record.status === 1,
    validatedAt: bill?.validated ?? null,
    errors: record.errors,
    key: bill ? bill.cufe : note.cude,
    total: record.total,
    customerIdentification: document.customer.identification,
    prefix: typeof prefix === "string" ? prefix : null,
    qrUrl: record.qr,
  };
}
