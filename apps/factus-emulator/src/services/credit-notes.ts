import type { FactusCreditNoteRequest } from "@factus-edge/contracts";
import type { DocumentFaults } from "../faults";
import type { Account } from "./account";
import { V1_DOCUMENTS } from "./bills";
import { type IssueOutcome, issueDocument } from "./issue-document";

/** DIAN's CUDE hashes the software PIN where a CUFE has the range's technical key. */
export const SOFTWARE_PIN = "75315";

/**
 * The range a note or support document goes to (`document` 22 credit, 23 debit, 24 support document, 25 adjustment
 * note): the one named if active, or the only active one.
 */
export function noteRange(
  account: Account,
  document: "22" | "23" | "24" | "25",
  rangeId: number | undefined,
) {
  const { store } = account;
  const ranges = rangeId
    ? [store.range(rangeId)].filter((range) => range?.document === document && range.is_active)
    : store.ranges({ document, is_active: "1" });
  return ranges.length === 1 ? ranges[0] : undefined;
}

/**
 * Factus' credit-note create-and-validate: a note with customization 20 must reference a validated bill; then the
 * same lifecycle as a bill (pending, rejection, the 409 block of its range, re-send by reference).
 */
export function validateCreditNote(
  account: Account,
  request: FactusCreditNoteRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const { store } = account;
  const bill = request.bill_id ? store.documentById(request.bill_id) : undefined;
  if (request.customization_id === "20" && (bill?.kind !== "bill" || bill.status !== 1)) {
    return { kind: "invalid", errors: { bill_id: ["Debe referenciar una factura validada por la DIAN"] } };
  }
  const range = noteRange(account, "22", request.numbering_range_id);
  if (!range)
    return { kind: "invalid", errors: { numbering_range_id: ["Indique un rango de notas crédito activo"] } };
  return issueDocument(account, {
    kind: "credit_note",
    range,
    request,
    model: V1_DOCUMENTS,
    technicalKey: SOFTWARE_PIN,
    billId: bill?.id ?? null,
    faults,
  });
}
