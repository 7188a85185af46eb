import type {
  FactusV2AdjustmentNoteRequest,
  FactusV2BillRequest,
  FactusV2CreditNoteRequest,
  FactusV2DebitNoteRequest,
  FactusV2SupportDocumentRequest,
} from "@factus-edge/contracts/factus-v2";
import type { DocumentFaults } from "../faults";
import type { Account } from "../services/account";
import { billRange } from "../services/bills";
import { noteRange, SOFTWARE_PIN } from "../services/credit-notes";
import { awaitsDian, type IssueOutcome, issueDocument } from "../services/issue-document";
import {
  FINAL_CONSUMER,
  type StoredV2Request,
  v2Documents,
  v2MoneyErrors,
  v2SupportDocuments,
} from "./documents";

// Factus v2's creates: the same lifecycle as v1's (services/issue-document.ts), on v2 requests and arithmetic.

/** What the sandbox answers a create naming a range it cannot use (practitioner, v2 sandbox). */
const INVALID_RANGE = "El campo id rango de numeración es inválido";

/** The lifecycle's options every v2 create shares: v2's model, and which waiting documents block a range. */
const v2Lifecycle = (account: Account) => ({
  model: v2Documents(account.settings.v2Rounding),
  // A rejected document blocks its range as in v1 unless the account reads v2 otherwise; a DIAN-slow one always.
  blocks: account.settings.v2RejectionBlocksRange ? undefined : awaitsDian,
});

/** `POST /v2/bills/validate`: the range named (or the only active bill range), the money checks, the lifecycle. */
export function validateV2Bill(
  account: Account,
  request: FactusV2BillRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const resolved = billRange(account, request.numbering_range_id, INVALID_RANGE);
  if ("errors" in resolved) return { kind: "invalid", errors: resolved.errors };
  const moneyErrors = v2MoneyErrors(request, account.settings.v2Rounding);
  if (moneyErrors) return { kind: "invalid", errors: moneyErrors };
  const stored: StoredV2Request = { ...request, customer: request.customer ?? FINAL_CONSUMER };
  return issueDocument(account, {
    kind: "bill",
    range: resolved.range,
    request: stored,
    technicalKey: resolved.range.technical_key ?? "",
    faults,
    ...v2Lifecycle(account),
  });
}

const NOTES = {
  credit_note: { range: "22", withoutBill: "22", defaultCustomization: "20", noun: "crédito" },
  debit_note: { range: "23", withoutBill: "32", defaultCustomization: "30", noun: "débito" },
} as const;

/**
 * `POST /v2/credit-notes/validate` and `/v2/debit-notes/validate`: a note referencing a bill (customization 20 or
 * 30) names it by number and needs it validated; its customer is the bill's when the request has none. Then the
 * money checks and the lifecycle, as a bill's.
 */
export function validateV2Note(
  account: Account,
  kind: keyof typeof NOTES,
  request: FactusV2CreditNoteRequest | FactusV2DebitNoteRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const { store } = account;
  const note = NOTES[kind];
  const customization = request.customization_id ?? note.defaultCustomization;
  const bill = request.bill_number ? store.documentByNumber("bill", request.bill_number) : undefined;
  if (customization !== note.withoutBill && bill?.status !== 1)
    return {
      kind: "invalid",
      errors: { bill_number: ["Debe referenciar una factura validada por la DIAN"] },
    };
  const range = noteRange(account, note.range, request.numbering_range_id);
  if (!range)
    return {
      kind: "invalid",
      errors: { numbering_range_id: [`Indique un rango de notas ${note.noun} activo`] },
    };
  const moneyErrors = v2MoneyErrors(request, account.settings.v2Rounding);
  if (moneyErrors) return { kind: "invalid", errors: moneyErrors };
  const customer =
    request.customer ?? (bill ? (JSON.parse(bill.request) as StoredV2Request).customer : FINAL_CONSUMER);
  return issueDocument(account, {
    kind,
    range,
    request: { ...request, customization_id: customization, customer } as StoredV2Request,
    technicalKey: SOFTWARE_PIN,
    billId: bill?.id ?? null,
    faults,
    ...v2Lifecycle(account),
  });
}

/**
 * `POST /v2/support-documents/validate`: the support-document range (24) named or the only active one, the money
 * checks (the payments add up to the total, as for a bill), then the lifecycle with a CUDS.
 */
export function validateV2SupportDocument(
  account: Account,
  request: FactusV2SupportDocumentRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const range = noteRange(account, "24", request.numbering_range_id);
  if (!range)
    return {
      kind: "invalid",
      errors: { numbering_range_id: ["Indique un rango de documentos soporte activo"] },
    };
  const moneyErrors = v2MoneyErrors(request, account.settings.v2Rounding);
  if (moneyErrors) return { kind: "invalid", errors: moneyErrors };
  return issueDocument(account, {
    kind: "support_document",
    range,
    request,
    technicalKey: SOFTWARE_PIN,
    faults,
    ...v2Lifecycle(account),
    model: v2SupportDocuments(account.settings.v2Rounding),
  });
}

/**
 * `POST /v2/adjustment-notes/validate`: the note names its support document by number and needs it validated (as a
 * credit note its bill); then the adjustment-note range (25), the money checks and the lifecycle.
 */
export function validateV2AdjustmentNote(
  account: Account,
  request: FactusV2AdjustmentNoteRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const supportDocument = account.store.documentByNumber("support_document", request.support_document_number);
  if (supportDocument?.status !== 1)
    return {
      kind: "invalid",
      errors: { support_document_number: ["Debe referenciar un documento soporte validado por la DIAN"] },
    };
  const range = noteRange(account, "25", request.numbering_range_id);
  if (!range)
    return {
      kind: "invalid",
      errors: { numbering_range_id: ["Indique un rango de notas de ajuste activo"] },
    };
  const moneyErrors = v2MoneyErrors(request, account.settings.v2Rounding);
  if (moneyErrors) return { kind: "invalid", errors: moneyErrors };
  return issueDocument(account, {
    kind: "adjustment_note",
    range,
    request,
    technicalKey: SOFTWARE_PIN,
    billId: supportDocument.id,
    faults,
    ...v2Lifecycle(account),
    model: v2SupportDocuments(account.settings.v2Rounding),
  });
}
