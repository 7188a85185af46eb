import type { FactusV2BillRequestInput } from "../factus-v2/bills";
import type { FactusV2CreditNoteRequestInput, FactusV2DebitNoteRequestInput } from "../factus-v2/notes";
import type { CreateCreditNoteRequest } from "../schemas/credit-notes";
import type { CreateDebitNoteRequest } from "../schemas/debit-notes";
import type { CreateInvoiceRequest } from "../schemas/invoice-request";
import type { PreflightIssue } from "../schemas/invoice-rules";
import { computeInvoiceTotals, type InvoiceTotals, upstreamPricing } from "../totals";
import { Refusals, v2AllowanceCharges, v2Customer, v2Establishment, v2Item } from "./v2-parts";

/**
 * A public request mapped to Factus v2: the body to send and the totals v2 will compute from it, or what v2 cannot
 * carry, field by field (the gateway answers 422 `NOT_AVAILABLE_ON_FACTUS_VERSION` with these as `details`).
 */
export type FactusV2Mapping<T> =
  | { ok: true; body: T; totals: InvoiceTotals }
  | { ok: false; issues: PreflightIssue[] };

/**
 * `POST /v2/bills/validate`'s body for a public invoice (already parsed with `CreateInvoiceRequest`), per the
 * research's mapping (§3): ids become DIAN codes (identity document, legal organization, customer tribute, DANE
 * municipality, unit, standard, item tax), the item `tax_rate` a `taxes` list, and the top-level payment fields one
 * `payment_details` entry whose amount is exactly the total v2 computes (never `cash_rounding_amount`).
 *
 * Money follows the request's price mode: tax-inclusive prices go as strategy S1 (a net price plus a
 * `discount_amount` that makes v2's base equal v1's), net prices as they are (a discount rate as the amount it
 * comes to). Either way `totals` is `computeInvoiceTotals(request, { upstream: "v2" })`: v2's own figures, with
 * `rounding` when they differ from what the prices imply.
 *
 * Refused, never dropped: item tributes other than IVA (1) and INC (4), ReteICA (07), allowance concepts other than
 * 03, units without a v2 code, and e-mails that are not addresses (v2 checks them; v1 accepted its docs' obfuscated
 * placeholder).
 */
export function toFactusV2Bill(request: CreateInvoiceRequest): FactusV2Mapping<FactusV2BillRequestInput> {
  const refusals = new Refusals();
  const pricing = upstreamPricing(request, { upstream: "v2" });
  const items = request.items.map((item, index) => v2Item(item, pricing[index], index, refusals));
  const customer = v2Customer(request.customer, refusals);
  const establishment = request.establishment && v2Establishment(request.establishment, refusals);
  const charges = request.allowance_charges && v2AllowanceCharges(request.allowance_charges, refusals);
  if (refusals.issues.length > 0) return { ok: false, issues: refusals.issues };

  const totals = computeInvoiceTotals(request, { upstream: "v2" });
  const { payment_due_date } = request;
  const body: FactusV2BillRequestInput = {
    reference_code: request.reference_code,
    document: request.document,
    ...(request.numbering_range_id !== undefined && { numbering_range_id: request.numbering_range_id }),
    operation_type: request.operation_type,
    ...(request.send_email !== undefined && { send_email: request.send_email }),
    ...(request.observation !== undefined && { observation: request.observation }),
    payment_details: [
      {
        payment_form: request.payment_form,
        payment_method_code: request.payment_method_code,
        amount: totals.bill.total,
        ...(payment_due_date !== undefined && { due_date: payment_due_date }),
      },
    ],
    ...(establishment && { establishment }),
    ...(request.billing_period && { billing_period: request.billing_period }),
    ...(request.order_reference && { order_reference: request.order_reference }),
    ...(request.related_documents && { related_documents: request.related_documents }),
    customer,
    items,
    ...(charges && charges.length > 0 && { allowance_charges: charges }),
  };
  return { ok: true, body, totals };
}

/**
 * `POST /v2/credit-notes/validate`'s body for a public credit note, mapped as `toFactusV2Bill` maps an invoice.
 * `invoice_number` becomes `bill_number` (customization 20; v2 takes the number, not v1's bill id); without it the
 * note is customization 22 and carries its own customer and billing period. Paid in one `payment_details` entry of
 * form 1 with the note's v2 total. The balance check against the invoice stays the gateway's.
 */
export const toFactusV2CreditNote = (note: CreateCreditNoteRequest) =>
  toFactusV2Note<FactusV2CreditNoteRequestInput>(note, { withBill: "20", withoutBill: "22" });

/** `POST /v2/debit-notes/validate`'s body for a public debit note: as a credit note, customization 30 or 32. */
export const toFactusV2DebitNote = (note: CreateDebitNoteRequest) =>
  toFactusV2Note<FactusV2DebitNoteRequestInput>(note, { withBill: "30", withoutBill: "32" });

function toFactusV2Note<Body>(
  note: CreateCreditNoteRequest | CreateDebitNoteRequest,
  customization: { withBill: string; withoutBill: string },
): FactusV2Mapping<Body> {
  const refusals = new Refusals();
  const pricing = upstreamPricing(note, { upstream: "v2" });
  const items = note.items.map((item, index) => v2Item(item, pricing[index], index, refusals));
  const customer = note.customer && v2Customer(note.customer, refusals);
  const establishment = note.establishment && v2Establishment(note.establishment, refusals);
  if (refusals.issues.length > 0) return { ok: false, issues: refusals.issues };

  const totals = computeInvoiceTotals(note, { upstream: "v2" });
  const body = {
    reference_code: note.reference_code,
    correction_concept_code: note.correction_concept_code,
    ...(note.invoice_number !== undefined
      ? { customization_id: customization.withBill, bill_number: note.invoice_number }
      : { customization_id: customization.withoutBill }),
    ...(note.numbering_range_id !== undefined && { numbering_range_id: note.numbering_range_id }),
    ...(note.send_email !== undefined && { send_email: note.send_email }),
    ...(note.observation !== undefined && { observation: note.observation }),
    payment_details: [
      { payment_form: "1", payment_method_code: note.payment_method_code, amount: totals.bill.total },
    ],
    ...(establishment && { establishment }),
    ...(note.billing_period && { billing_period: note.billing_period }),
    ...(customer && { customer }),
    items,
  };
  return { ok: true, body: body as Body, totals };
}
