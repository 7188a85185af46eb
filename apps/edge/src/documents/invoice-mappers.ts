import { isoFromFactusDateTime } from "@factus-edge/contracts/factus/dates";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import type {
  CreatedInvoice,
  InvoiceDetail,
  InvoiceSummary,
} from "@factus-edge/contracts/schemas/invoice-responses";
import type { DocumentCompletion } from "@factus-edge/contracts/schemas/webhooks";
import type { BillView, DocumentRowView } from "../factus/v2-views";
import { companyLine, customerLine, itemLine, nameOf, prefixOfNumber } from "./mappers";
import { money } from "./money";

/** A bill's prefix: its range's, else its number's. */
const prefixOf = (bill: BillView) => bill.numbering_range?.prefix ?? prefixOfNumber(bill.bill.number);

/** What the create answers: the seed's fields, plus where the invoice stands with DIAN. */
export function createdInvoice(bill: BillView, message: string): CreatedInvoice {
  const dianStatus = dianStatusOf(bill.bill.status, bill.bill.errors);
  return {
    number: bill.bill.number,
    prefix: prefixOf(bill),
    cufe: bill.bill.cufe ?? "",
    qr_url: bill.bill.qr ?? "",
    status: dianStatus === "validated" ? "success" : "pending",
    dian_status: dianStatus,
    dian_notifications: bill.bill.errors,
    message,
    reference_code: bill.bill.reference_code ?? "",
    total: money(bill.bill.total),
  };
}

/** Factus' bill → the customer's documented detail shape (seed 004), plus documented extras. */
export function invoiceDetail(
  bill: BillView,
  message: string,
  completion: DocumentCompletion | null = null,
): InvoiceDetail {
  const { company, customer } = bill;
  const createdAt = isoFromFactusDateTime(bill.bill.created_at);
  return {
    status: "success",
    message,
    data: {
      company: companyLine(company),
      customer: customerLine(customer),
      bill: {
        number: bill.bill.number,
        prefix: prefixOf(bill),
        reference_code: bill.bill.reference_code,
        issue_date: createdAt?.slice(0, 10) ?? "",
        cufe: bill.bill.cufe ?? "",
        subtotal: money(bill.bill.gross_value),
        tax_total: money(bill.bill.tax_amount),
        total: money(bill.bill.total),
        discount_total: money(bill.bill.discount_amount),
        surcharge_total: money(bill.bill.surcharge_amount),
        status: dianStatusOf(bill.bill.status, bill.bill.errors),
        dian_status: dianStatusOf(bill.bill.status, bill.bill.errors),
        qr_url: bill.bill.qr,
        validated_at: isoFromFactusDateTime(bill.bill.validated),
        dian_notifications: bill.bill.errors,
        completion: dianStatusOf(bill.bill.status, bill.bill.errors) === "pending" ? completion : null,
      },
      credit_notes: bill.credit_notes,
      // Factus v1 has no debit notes: none is the truth there, not an unknown.
      debit_notes: bill.apiVersion === "v1" ? [] : bill.debit_notes,
      items: bill.items.map(itemLine),
    },
  };
}

export function invoiceSummary(
  row: DocumentRowView,
  completion: DocumentCompletion | null = null,
): InvoiceSummary {
  return {
    number: row.number,
    reference_code: row.reference_code,
    identification: row.identification,
    name: nameOf(row),
    email: row.email || null,
    total: money(row.total),
    status: dianStatusOf(row.status, row.errors),
    dian_status: dianStatusOf(row.status, row.errors),
    dian_notifications: row.errors,
    credit_notes: row.credit_notes ?? null,
    created_at: isoFromFactusDateTime(row.created_at) ?? row.created_at,
    completion: dianStatusOf(row.status, row.errors) === "pending" ? completion : null,
  };
}
