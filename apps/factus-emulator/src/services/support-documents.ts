import {
  computeInvoiceTotals,
  type FactusAdjustmentNoteRequest,
  type FactusSupportDocumentRequest,
  type InvoiceTotals,
  NIT_DOCUMENT_ID,
  nitCheckDigit,
} from "@factus-edge/contracts";
import { cuds } from "../documents/cufe";
import type { DocumentFaults } from "../faults";
import type { Account } from "./account";
import { noteRange, SOFTWARE_PIN } from "./credit-notes";
import { type DocumentModel, type IssueOutcome, issueDocument, type RuleViolation } from "./issue-document";

// Factus v1's support documents and their adjustment notes: the company buys from a provider who does not invoice.
// The same lifecycle as bills (services/issue-document.ts), v1's arithmetic, a CUDS for key.

type SupportRequest = FactusSupportDocumentRequest | FactusAdjustmentNoteRequest;

/**
 * v1 support items carry no tax (the published answer shows each `is_excluded` 1, `tax_rate` 0.00): v1's arithmetic
 * (`computeInvoiceTotals`) on them as excluded items, so discount = price × quantity × rate and gross = the rest,
 * as the published 50,000 at 20 % → 40,000. Withholdings are computed by the views and never lower the total.
 */
export const supportTotals = (request: Pick<SupportRequest, "items">): InvoiceTotals =>
  computeInvoiceTotals({
    items: request.items.map((item) => ({
      price: item.price,
      quantity: item.quantity,
      discount_rate: item.discount_rate,
      tax_rate: 0,
      is_excluded: 1,
    })),
  });

/**
 * The DIAN rules a v1 support document breaks that the emulator checks: a NIT provider's check digit (keyed by the
 * field: the support document annex's rule id is not published by Factus) and a line a 100 % discount leaves at
 * zero.
 */
export function supportViolations(request: SupportRequest, totals: InvoiceTotals): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const { provider } = request;
  if (provider.identification_document_id === NIT_DOCUMENT_ID && /^\d{1,15}$/.test(provider.identification)) {
    const expected = String(nitCheckDigit(provider.identification));
    if (provider.dv !== undefined && provider.dv !== expected)
      violations.push({
        path: ["provider", "dv"],
        message: `Dígito de verificación incorrecto para el NIT ${provider.identification}: es ${expected}, no ${provider.dv}`,
      });
  }
  totals.items.forEach((item, index) => {
    if (item.gross_value === "0.00")
      violations.push({
        path: ["items", index, "discount_rate"],
        message: "Un descuento del 100 % deja la línea en cero: retire el ítem",
      });
  });
  return violations;
}

/** v1 support documents and adjustment notes for the lifecycle: a CUDS over v1's totals, the software PIN. */
export const V1_SUPPORT_DOCUMENTS: DocumentModel<SupportRequest> = {
  violations: (request) => supportViolations(request, supportTotals(request)),
  totals: supportTotals,
  key: ({ number, createdAt, request, totals, issuerNit, technicalKey }) => {
    const { bill } = totals as InvoiceTotals;
    return cuds({
      number,
      createdAt,
      grossValue: bill.gross_value,
      iva: bill.tax_amount,
      total: bill.total,
      providerIdentification: request.provider.identification,
      companyNit: issuerNit,
      softwarePin: technicalKey,
    });
  },
};

/** `POST /v1/support-documents/validate`: the support-document range (24) named or the only active one. */
export function validateSupportDocument(
  account: Account,
  request: FactusSupportDocumentRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const range = noteRange(account, "24", request.numbering_range_id);
  if (!range)
    return {
      kind: "invalid",
      errors: { numbering_range_id: ["Indique un rango de documentos soporte activo"] },
    };
  return issueDocument(account, {
    kind: "support_document",
    range,
    request,
    model: V1_SUPPORT_DOCUMENTS,
    technicalKey: SOFTWARE_PIN,
    faults,
  });
}

/**
 * `POST /v1/adjustment-notes/validate`: the note must reference a support document DIAN validated (by its Factus id,
 * as a v1 credit note its bill); then the adjustment-note range (25) and the same lifecycle.
 */
export function validateAdjustmentNote(
  account: Account,
  request: FactusAdjustmentNoteRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const supportDocument = account.store.documentById(request.support_document_id);
  if (supportDocument?.kind !== "support_document" || supportDocument.status !== 1)
    return {
      kind: "invalid",
      errors: { support_document_id: ["Debe referenciar un documento soporte validado por la DIAN"] },
    };
  const range = noteRange(account, "25", request.numbering_range_id);
  if (!range)
    return {
      kind: "invalid",
      errors: { numbering_range_id: ["Indique un rango de notas de ajuste activo"] },
    };
  return issueDocument(account, {
    kind: "adjustment_note",
    range,
    request,
    model: V1_SUPPORT_DOCUMENTS,
    technicalKey: SOFTWARE_PIN,
    billId: supportDocument.id,
    faults,
  });
}
