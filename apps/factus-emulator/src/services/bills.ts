import {
  computeInvoiceTotals,
  dianRuleViolations,
  type FactusBillRequest,
  type FactusCreditNoteRequest,
  type InvoiceTotals,
} from "@factus-edge/contracts";
import { documentKey } from "../documents/cufe";
import type { DocumentFaults } from "../faults";
import type { RangeRow } from "../store/rows";
import type { Account } from "./account";
import { type DocumentModel, type IssueOutcome, issueDocument } from "./issue-document";

/** Factus v1's documents: tax-inclusive prices (`computeInvoiceTotals`), the DIAN rules of the contracts. */
export const V1_DOCUMENTS: DocumentModel<FactusBillRequest | FactusCreditNoteRequest> = {
  violations: (request, today) => dianRuleViolations(request, today),
  totals: (request) => computeInvoiceTotals(request),
  key: (input) => documentKey({ ...input, totals: input.totals as InvoiceTotals }),
};

/**
 * The bill range a request goes to: the one named, or the only active bill range. `unknownRange` is the message
 * for a range that does not exist or numbers something else.
 */
export function billRange(
  account: Account,
  rangeId: number | undefined,
  unknownRange = "El rango de numeración no existe o no es de facturas de venta",
): { range: RangeRow } | { errors: Record<string, string[]> } {
  if (rangeId !== undefined) {
    const range = account.store.range(rangeId);
    if (range?.document !== "21") return { errors: { numbering_range_id: [unknownRange] } };
    if (!range.is_active)
      return { errors: { numbering_range_id: ["El rango de numeración no está activo"] } };
    return { range };
  }
  const active = account.store.ranges({ document: "21", is_active: "1" });
  if (active.length !== 1) {
    return {
      errors: {
        numbering_range_id: [
          active.length
            ? "Hay varios rangos de facturas activos: indique numbering_range_id"
            : "No hay un rango de facturas activo",
        ],
      },
    };
  }
  return { range: active[0]! };
}

/** Factus' bill create-and-validate: the range named (or the only active one), then the document lifecycle. */
export function validateBill(
  account: Account,
  request: FactusBillRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const resolved = billRange(account, request.numbering_range_id);
  if ("errors" in resolved) return { kind: "invalid", errors: resolved.errors };
  return issueDocument(account, {
    kind: "bill",
    range: resolved.range,
    request,
    model: V1_DOCUMENTS,
    technicalKey: resolved.range.technical_key ?? "",
    faults,
  });
}
