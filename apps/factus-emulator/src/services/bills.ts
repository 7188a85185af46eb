import type { FactusBillRequest } from "@factus-edge/contracts";
import type { DianVerdictFault } from "../faults";
import type { RangeRow } from "../store/rows";
import type { Account } from "./account";
import { type IssueOutcome, issueDocument } from "./issue-document";

/** The bill range a request goes to: the one named, or the only active bill range. */
export function billRange(
  account: Account,
  rangeId: number | undefined,
): { range: RangeRow } | { errors: Record<string, string[]> } {
  if (rangeId !== undefined) {
    const range = account.store.range(rangeId);
    if (range?.document !== "21") {
      return {
        errors: { numbering_range_id: ["El rango de numeración no existe o no es de facturas de venta"] },
      };
    }
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
  verdict?: DianVerdictFault,
): Promise<IssueOutcome> | IssueOutcome {
  const resolved = billRange(account, request.numbering_range_id);
  if ("errors" in resolved) return { kind: "invalid", errors: resolved.errors };
  return issueDocument(account, {
    kind: "bill",
    range: resolved.range,
    request,
    technicalKey: resolved.range.technical_key ?? "",
    verdict,
  });
}
