import type { FactusCreditNoteRequest } from "@factus-edge/contracts";
import type { DocumentFaults } from "../faults";
import type { Account } from "./account";
import { V1_DOCUMENTS } from "./bills";
import { type IssueOutcome, issueDocument } from "./issue-document";

/** DIAN's CUDE hashes the software PIN where a CUFE has the range's technical key. */
const SOFTWARE_PIN = "75315";

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
  const ranges = request.numbering_range_id
    ? [store.range(request.numbering_range_id)].filter((range) => range?.document === "22" && range.is_active)
    : store.ranges({ document: "22", is_active: "1" });
  const range = ranges.length === 1 ? ranges[0]! : undefined;
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
