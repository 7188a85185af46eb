import {
  ALLOWANCE_CONCEPTS,
  BILL_DOCUMENT_TYPES,
  type FactusBillRequest,
  factusDateTime,
  type InvoiceTotals,
  nameOfCode,
  OPERATION_TYPES,
  PAYMENT_FORMS,
  PAYMENT_METHODS,
} from "@factus-edge/contracts";
import { DIAN_QR_BASE } from "../documents/cufe";
import type { Company } from "../services/company";
import { errorTexts } from "../services/issue-document";
import type { DocumentRow, RangeRow } from "../store/rows";
import { dayMonthYear, money } from "./format";
import {
  companyView,
  customerName,
  customerView,
  establishmentView,
  itemsView,
  withholdingTotals,
} from "./parties";

/** A stored bill with its parsed request and totals. */
export interface StoredBill {
  row: DocumentRow;
  request: FactusBillRequest;
  totals: InvoiceTotals;
  range: RangeRow;
}

export function readBill(row: DocumentRow, range: RangeRow): StoredBill {
  return { row, request: JSON.parse(row.request), totals: JSON.parse(row.totals), range };
}

/** A document's range, as v1 and v2 document answers show it. */
export const documentRangeView = (range: RangeRow) => ({
  prefix: range.prefix,
  from: range.range_from,
  to: range.range_to,
  resolution_number: range.resolution_number,
  start_date: dayMonthYear(range.start_date),
  end_date: dayMonthYear(range.end_date),
  months: monthsBetween(range.start_date, range.end_date),
});

/** Whole months from one ISO date to another (a range's validity). */
const monthsBetween = (start: string | null, end: string | null) => {
  if (!start || !end) return 0;
  const [startYear, startMonth] = start.split("-").map(Number);
  const [endYear, endMonth] = end.split("-").map(Number);
  return (endYear! - startYear!) * 12 + (endMonth! - startMonth!);
};

const codeName = (catalog: readonly { code: string; name: string }[], code: string) => ({
  code,
  name: nameOfCode(catalog, code) ?? code,
});

/** The fields a bill and a credit note record share, in Factus' format. */
export function documentRecord(
  row: DocumentRow,
  request: { send_email?: boolean | undefined; observation?: string | undefined },
  totals: InvoiceTotals,
  qrImage: string,
) {
  return {
    number: row.number,
    reference_code: row.reference_code,
    status: row.status,
    send_email: request.send_email ? 1 : 0,
    qr: `${DIAN_QR_BASE}${row.cufe}`,
    validated: row.validated_at ? factusDateTime(row.validated_at) : null,
    ...totals.bill,
    observation: request.observation || null,
    errors: errorTexts(row),
    created_at: factusDateTime(row.created_at),
    qr_image: qrImage,
  };
}

/** A document's allowances and charges as Factus shows them, with the percentage of their base. */
export const allowanceChargesView = (charges: FactusBillRequest["allowance_charges"]) =>
  (charges ?? []).map((charge) => ({
    concept_type: codeName(ALLOWANCE_CONCEPTS, charge.concept_type),
    is_surcharge: charge.is_surcharge,
    reason: charge.reason,
    base_amount: money(charge.base_amount),
    percentage: charge.base_amount > 0 ? ((charge.amount / charge.base_amount) * 100).toFixed(2) : "0.00",
    amount: money(charge.amount),
  }));

/** `data` of Factus' bill create and show responses. */
export function billView(
  bill: StoredBill,
  qrImage: string,
  creditNotes: { id: number; number: string }[],
  company: Company,
) {
  const { row, request, totals, range } = bill;
  const items = itemsView(request.items, totals.items);
  return {
    company: companyView(company),
    establishment: establishmentView(request.establishment, company),
    customer: customerView(request.customer),
    numbering_range: documentRangeView(range),
    billing_period: request.billing_period ?? [],
    bill: {
      id: row.id,
      document: codeName(BILL_DOCUMENT_TYPES, request.document),
      operation_type: codeName(OPERATION_TYPES, request.operation_type),
      order_reference: request.order_reference ?? null,
      ...documentRecord(row, request, totals, qrImage),
      cufe: row.cufe,
      payment_due_date: request.payment_due_date ?? null,
      has_claim: 0,
      is_negotiable_instrument: 0,
      payment_form: codeName(PAYMENT_FORMS, request.payment_form),
      payment_method: codeName(PAYMENT_METHODS, request.payment_method_code),
    },
    related_documents: request.related_documents ?? [],
    items,
    allowance_charges: allowanceChargesView(request.allowance_charges),
    withholding_taxes: withholdingTotals(items),
    mandate: null,
    credit_notes: creditNotes,
    debit_notes: [],
  };
}

/** The fields a row of Factus' bill and credit-note lists share. */
export function documentSummary(
  row: DocumentRow,
  request: Pick<FactusBillRequest, "customer"> & { send_email?: boolean | undefined },
  totals: InvoiceTotals,
) {
  return {
    id: row.id,
    api_client_name: "Factus Emulator",
    reference_code: row.reference_code,
    number: row.number,
    identification: request.customer.identification,
    graphic_representation_name: customerName(request.customer),
    company: request.customer.company ?? "",
    trade_name: request.customer.trade_name ?? "",
    names: request.customer.names ?? "",
    email: request.customer.email ?? "",
    total: totals.bill.total,
    status: row.status,
    errors: errorTexts(row),
    send_email: request.send_email ? 1 : 0,
    created_at: factusDateTime(row.created_at),
  };
}

/** A row of Factus' bill list. */
export function billSummaryView(bill: StoredBill, creditNotes: { id: number; number: string }[]) {
  const { row, request, totals } = bill;
  return {
    ...documentSummary(row, request, totals),
    document: codeName(BILL_DOCUMENT_TYPES, request.document),
    has_claim: 0,
    is_negotiable_instrument: 0,
    payment_form: codeName(PAYMENT_FORMS, request.payment_form),
    credit_notes: creditNotes,
    debit_notes: [],
  };
}
