import {
  type CreatedInvoice,
  type DocumentRef,
  dianStatusOf,
  type FactusBill,
  type FactusBillSummary,
  type InvoiceDetail,
  type InvoiceSummary,
  isoFromFactusDateTime,
  recoveryOf,
} from "@factus-edge/contracts";

/** Factus money ("81232.50" or 40000) → a JSON number with at most 2 decimals. */
export const money = (value: string | number) => Math.round(Number(value) * 100) / 100;

/** The prefix of a number ("SETP990000001" → "SETP"). */
export const prefixOfNumber = (number: string) => /^[A-Za-z]*/.exec(number)?.[0] ?? "";
/** A bill's prefix: its range's, else its number's. */
const prefixOf = (bill: FactusBill) => bill.numbering_range?.prefix ?? prefixOfNumber(bill.bill.number);
export const nameOf = (party: {
  graphic_representation_name?: string | null;
  company?: string | null;
  names?: string | null;
}) => party.graphic_representation_name || party.company || party.names || "";

/** A document's line in the public detail shape. */
export const itemLine = (item: FactusBill["items"][number]) => ({
  code_reference: item.code_reference,
  name: item.name,
  quantity: item.quantity,
  price: money(item.price),
  tax_rate: money(item.tax_rate),
  total: money(item.total),
});

/** The issuer as the public detail shows it. */
export const companyLine = (company: FactusBill["company"]) => ({
  name: company.company || company.name || "",
  identification: company.nit,
  address: company.direction ?? company.address ?? "",
});

/** The customer as the public detail shows it. */
export const customerLine = (customer: FactusBill["customer"]) => ({
  name: nameOf(customer),
  identification: customer.identification,
  email: customer.email ?? null,
  address: customer.address ?? null,
});

/** What the create answers: the seed's fields, plus where the invoice stands with DIAN. */
export function createdInvoice(bill: FactusBill, message: string): CreatedInvoice {
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

/** A Factus document as an error names it, with what is safe to do with it. */
export function documentRef(
  document: { number: string | null; reference_code: string | null; status: number; errors: string[] },
  cufe?: string | null,
): DocumentRef {
  return {
    number: document.number,
    reference_code: document.reference_code,
    dian_status: dianStatusOf(document.status, document.errors),
    recovery: recoveryOf(document.status, document.errors),
    ...(cufe === undefined ? {} : { cufe }),
  };
}

/** Factus' bill → the customer's documented detail shape (seed 004), plus documented extras. */
export function invoiceDetail(bill: FactusBill, message: string): InvoiceDetail {
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
      },
      credit_notes: bill.credit_notes,
      items: bill.items.map(itemLine),
    },
  };
}

export function invoiceSummary(row: FactusBillSummary): InvoiceSummary {
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
    credit_notes: row.credit_notes,
    created_at: isoFromFactusDateTime(row.created_at) ?? row.created_at,
  };
}
