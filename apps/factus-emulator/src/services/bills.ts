import {
  computeInvoiceTotals,
  type DianRuleViolation,
  dianRuleViolations,
  type FactusBillRequest,
} from "@factus-edge/contracts";
import { documentKey } from "../documents/cufe";
import type { DocumentRow, RangeRow } from "../store/rows";
import { ISSUER } from "../store/schema";
import type { Account } from "./account";

export type ValidateOutcome =
  | { kind: "validated"; row: DocumentRow; range: RangeRow }
  | { kind: "rejected"; row: DocumentRow; range: RangeRow; errors: Record<string, string> }
  | { kind: "invalid"; errors: Record<string, string[]> }
  | { kind: "pending-block"; pending: DocumentRow }
  | { kind: "duplicate"; existing: DocumentRow };

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

/**
 * Factus' create-and-validate: numbers the bill in its range, "sends" it to DIAN (the rules of
 * `dianRuleViolations`), stores it either way, and keeps the range blocked while a rejected bill is pending.
 * The numbering part runs without an `await`, so concurrent creates get distinct consecutive numbers.
 */
export async function validateBill(
  account: Account,
  request: FactusBillRequest,
  extraViolations: readonly { rule: string; path: (string | number)[]; message: string }[] = [],
): Promise<ValidateOutcome> {
  const { store } = account;
  const resolved = billRange(account, request.numbering_range_id);
  if ("errors" in resolved) return { kind: "invalid", errors: resolved.errors };
  const { range } = resolved;

  const existing = store.documentByReference("bill", request.reference_code);
  if (existing?.status === 1) return { kind: "duplicate", existing };
  const pending = store.pendingInRange(range.id);
  if (pending && pending.id !== existing?.id) return { kind: "pending-block", pending };

  const now = account.now();
  const violations: {
    rule: DianRuleViolation["rule"] | string;
    path: (string | number)[];
    message: string;
  }[] = [...dianRuleViolations(request), ...extraViolations];
  const totals = computeInvoiceTotals(request);
  const errors = violations.map((violation) => `Regla: ${violation.rule}, Rechazo: ${violation.message}`);
  const status = violations.length ? 0 : 1;
  const fields = {
    status,
    request: JSON.stringify(request),
    totals: JSON.stringify(totals),
    cufe: "",
    errors: JSON.stringify(errors),
    validated_at: status ? now : null,
    created_at: now,
  };

  let row: DocumentRow;
  if (existing) {
    // Re-sending a pending bill with its reference code retries it under the number it already has.
    store.updateDocument(existing.id, fields);
    row = { ...existing, ...fields };
  } else {
    const consecutive = store.takeNumber(range.id, now);
    if (consecutive === undefined)
      return { kind: "invalid", errors: { numbering_range_id: ["El rango de numeración está agotado"] } };
    const number = `${range.prefix}${consecutive}`;
    const inserted = {
      kind: "bill" as const,
      number,
      prefix: range.prefix,
      range_id: range.id,
      reference_code: request.reference_code,
      bill_id: null,
      ...fields,
    };
    row = { id: store.insertDocument(inserted), ...inserted };
  }

  row.cufe = await documentKey({
    number: row.number,
    createdAt: now,
    request,
    totals,
    issuerNit: ISSUER.nit,
    technicalKey: range.technical_key ?? "",
  });
  store.updateDocument(row.id, row);

  if (violations.length) {
    return {
      kind: "rejected",
      row,
      range,
      errors: Object.fromEntries(violations.map((violation, index) => [violation.rule, errors[index]!])),
    };
  }
  return { kind: "validated", row, range };
}
