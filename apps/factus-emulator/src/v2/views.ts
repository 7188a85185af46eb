import { factusDateTime, formatCents, nameOfCode, nitCheckDigit, toScaled } from "@factus-edge/contracts";
import {
  type FactusV2AdjustmentNoteRequest,
  type FactusV2BillRequest,
  type FactusV2CreditNoteRequest,
  type FactusV2Customer,
  type FactusV2DebitNoteRequest,
  type FactusV2Establishment,
  type FactusV2Provider,
  listV2UnitMeasures,
  V2_ADJUSTMENT_NOTE_CORRECTIONS,
  V2_ALLOWANCE_CONCEPTS,
  V2_BILL_DOCUMENT_TYPES,
  V2_COUNTRY_ROWS,
  V2_CREDIT_NOTE_CORRECTIONS,
  V2_CREDIT_NOTE_OPERATION_TYPES,
  V2_CUSTOMER_TRIBUTES,
  V2_DEBIT_NOTE_CORRECTIONS,
  V2_DEBIT_NOTE_OPERATION_TYPES,
  V2_IDENTITY_DOCUMENTS,
  V2_LEGAL_ORGANIZATIONS,
  V2_OPERATION_TYPES,
  V2_PAYMENT_FORMS,
  V2_PAYMENT_METHODS,
  V2_STANDARD_CODES,
  v2MunicipalityByCode,
} from "@factus-edge/contracts/factus-v2";
import { DIAN_QR_BASE } from "../documents/cufe";
import type { PrintableDocument } from "../documents/printable";
import type { AccountSettings } from "../services/account";
import type { Company } from "../services/company";
import { storedErrors } from "../services/issue-document";
import type { DocumentRow, RangeRow } from "../store/rows";
import { documentRangeView } from "../views/bill-view";
import { money } from "../views/format";
import { printableHead } from "../views/printable-view";
import {
  type StoredV2Line,
  type StoredV2Request,
  type StoredV2Totals,
  type V2SupportRequest,
  v2TaxName,
} from "./documents";
import { divideRounded } from "./money";

// Factus v2's answers for a stored document: flat `data` (no v1 `data.bill`), codes as `{ code, name }`, money as
// 2-decimal strings, quantities "2.00", flags as booleans, DIAN's state as `is_validated`/`validated_at`/`errors`.
// The bill answer follows facturas/crear-y-validar's response table field by field; what no page shows (list rows,
// notes) follows the one published v2 document answer (an adjustment note) and factus-js' types.

/** A stored v2 document with its parsed request and totals. */
export interface StoredV2 {
  row: DocumentRow;
  request: StoredV2Request;
  totals: StoredV2Totals;
}

export const readV2 = (row: DocumentRow): StoredV2 => ({
  row,
  request: JSON.parse(row.request),
  totals: JSON.parse(row.totals),
});

/** A stored v2 support document or adjustment note: a provider where the others have a customer. */
export interface StoredV2Support {
  row: DocumentRow;
  request: V2SupportRequest;
  totals: StoredV2Totals;
}

export const readV2Support = (row: DocumentRow): StoredV2Support => ({
  row,
  request: JSON.parse(row.request),
  totals: JSON.parse(row.totals),
});

/** What the views need of the account. */
export interface V2ViewContext {
  company: Company;
  settings: AccountSettings;
}

const codeName = (table: readonly { code: string; name: string }[], code: string) => ({
  code,
  name: nameOfCode(table, code) ?? code,
});

const municipalityRef = (code: string | undefined) => {
  const municipality = code ? v2MunicipalityByCode(code) : undefined;
  return municipality
    ? { code: municipality.code, name: municipality.name, department: municipality.department }
    : null;
};

const countryName = (code: string) => V2_COUNTRY_ROWS.find(([entry]) => entry === code)?.[1] ?? code;
let unitNames: Map<string, string> | undefined;
const unitName = (code: string) => {
  unitNames ??= new Map(listV2UnitMeasures().map((unit) => [unit.code, unit.name]));
  return unitNames.get(code) ?? code;
};

/**
 * `errors`, in the shape the account answers (V2_ERRORS_SHAPE): keyed by rule, or a list of texts. None at all is
 * `[]` either way, as PHP's json_encode writes an empty array (Factus is a Laravel app).
 */
export const v2Errors = (row: DocumentRow, settings: AccountSettings) => {
  const errors = storedErrors(row);
  return settings.v2ErrorsShape === "array" || Object.keys(errors).length === 0
    ? Object.values(errors)
    : errors;
};

/** The check digit a NIT customer has: the one sent, or the one Factus computes when none is sent. */
const customerDv = (customer: FactusV2Customer) =>
  customer.identification_document_code === "31" && /^\d{1,15}$/.test(customer.identification)
    ? customer.dv || String(nitCheckDigit(customer.identification))
    : (customer.dv ?? null);

const partyName = (customer: FactusV2Customer) =>
  customer.company || customer.names || customer.trade_name || "";

/** The customer of a bill or note, as v2 answers it. */
export function v2Party(customer: FactusV2Customer) {
  const legalOrganization =
    customer.legal_organization_code ?? (customer.identification_document_code === "31" ? "1" : "2");
  const country = customer.country_code ?? "CO";
  return {
    identification_document: codeName(V2_IDENTITY_DOCUMENTS, customer.identification_document_code),
    identification: customer.identification,
    dv: customerDv(customer),
    graphic_representation_name: partyName(customer),
    trade_name: customer.trade_name ?? null,
    company: customer.company ?? null,
    names: customer.names ?? null,
    address: customer.address ?? null,
    email: customer.email ?? null,
    phone: customer.phone ?? null,
    legal_organization: codeName(V2_LEGAL_ORGANIZATIONS, legalOrganization),
    tribute: codeName(V2_CUSTOMER_TRIBUTES, customer.tribute_code ?? "ZZ"),
    country: { code: country, name: countryName(country) },
    municipality: municipalityRef(customer.municipality_code),
  };
}

/**
 * A support document's provider as v2 answers it: the published adjustment note's (no `company`, no `country`). The
 * request may leave `legal_organization_code` out: the published NIT provider is answered "Persona Natural" (2),
 * and so is every provider without one here; tribute ZZ.
 */
export function v2Provider(provider: FactusV2Provider) {
  const {
    company: _company,
    country: _country,
    ...party
  } = v2Party({
    ...provider,
    legal_organization_code: provider.legal_organization_code ?? "2",
    tribute_code: "ZZ",
  } as FactusV2Customer);
  return party;
}

/** The issuer of a v2 document: its name and address only under `establishment` (the one sent, or its own). */
export function v2Company(company: Company, establishment: FactusV2Establishment | undefined) {
  return {
    url_logo: company.url_logo,
    nit: company.nit,
    dv: company.dv,
    economic_activity: company.economic_activity,
    establishment: {
      name: establishment?.name ?? company.company,
      address: establishment?.address ?? company.direction,
      phone_number: establishment?.phone_number ?? company.phone,
      email: establishment?.email ?? company.email,
      municipality: municipalityRef(establishment?.municipality_code ?? company.municipality_code),
    },
  };
}

type Item = StoredV2Request["items"][number];

const WITHHOLDING_NAMES: Record<string, string> = { "05": "ReteIVA", "06": "ReteRenta" };

/** An item's informative withholdings: ReteIVA on the item's tax, ReteRenta on its base, rounded half-up. */
function itemWithholdings(item: Item, line: StoredV2Line) {
  return (item.withholding_taxes ?? []).map((withholding) => {
    const base = toScaled(withholding.code === "05" ? line.tax_amount : line.base, 2) ?? 0n;
    const rate = toScaled(withholding.rate, 2) ?? 0n;
    const name = WITHHOLDING_NAMES[withholding.code] ?? withholding.code;
    return {
      tribute_code: withholding.code,
      name,
      value: formatCents(divideRounded(base * rate, 10_000n, "half-up")),
      rates: [{ code: withholding.code, name, rate: money(withholding.rate) }],
    };
  });
}

/** Taxes grouped by tribute, one rate entry each (an item's, or the document's `taxes[]`). */
function taxGroups(taxes: readonly StoredV2Line["taxes"][number][]) {
  const groups = new Map<string, { taxable_amount: string; tax_amount: string; rate: string }[]>();
  for (const tax of taxes) {
    const rates = groups.get(tax.code) ?? [];
    rates.push({ taxable_amount: tax.taxable_amount, tax_amount: tax.tax_amount, rate: tax.rate });
    groups.set(tax.code, rates);
  }
  return [...groups].map(([code, rates]) => ({
    tribute: { code, name: v2TaxName(code) },
    is_excluded: false,
    rates,
  }));
}

/**
 * The items as v2 answers them: `price` and `total` are net (total = price × quantity − discount); the taxes are
 * in `taxes[].rates[]`. `gross_value` is the line before its discount (the one published figure, 50,000.00 for
 * 2 × 50,000.00, reads as a unit price or a slip).
 */
export function v2Items(items: readonly Item[], lines: readonly StoredV2Line[]) {
  return items.map((item, index) => {
    const line = lines[index]!;
    return {
      code_reference: item.code_reference,
      name: item.name,
      quantity: money(item.quantity),
      unit_measure: { code: item.unit_measure_code, name: unitName(item.unit_measure_code) },
      standard_code: codeName(V2_STANDARD_CODES, item.standard_code),
      discount_rate: money(item.discount_rate ?? 0),
      discount: line.discount,
      gross_value: line.gross,
      price: money(item.price),
      total: line.base,
      note: item.note ?? null,
      scheme_id: item.scheme_id ?? null,
      collection_concept: item.collection_concept_code ?? null,
      mandate: item.mandate ?? null,
      additional_properties: item.additional_properties ?? [],
      taxes: line.excluded
        ? [{ tribute: { code: "01", name: "IVA" }, is_excluded: true, rates: [] }]
        : taxGroups(line.taxes),
      withholding_taxes: itemWithholdings(item, line),
    };
  });
}

/** The document's withholdings, summed per tribute. */
function documentWithholdings(items: ReturnType<typeof v2Items>) {
  const sums = new Map<string, { name: string; cents: bigint }>();
  for (const withholding of items.flatMap((item) => item.withholding_taxes)) {
    const entry = sums.get(withholding.tribute_code) ?? { name: withholding.name, cents: 0n };
    entry.cents += toScaled(withholding.value, 2) ?? 0n;
    sums.set(withholding.tribute_code, entry);
  }
  return [...sums].map(([tribute_code, { name, cents }]) => ({
    tribute_code,
    name,
    value: formatCents(cents),
  }));
}

/** `totals`; `total` with `cash_rounding_amount` when the account says so (V2_TOTAL_INCLUDES_CASH_ROUNDING). */
function v2TotalsView(stored: StoredV2 | StoredV2Support, settings: AccountSettings) {
  const { totals } = stored.totals;
  const rounding = settings.v2TotalIncludesCashRounding
    ? (toScaled(stored.request.cash_rounding_amount ?? 0, 2) ?? 0n)
    : 0n;
  return {
    prepayment_amount: totals.prepayment_amount,
    gross_amount: totals.gross_amount,
    taxable_amount: totals.taxable_amount,
    tax_amount: totals.tax_amount,
    surcharge_amount: totals.surcharge_amount,
    total: formatCents((toScaled(totals.total, 2) ?? 0n) + rounding),
  };
}

/** What every v2 document answer shares: DIAN's state, the issuer, the money. */
function v2DocumentParts(
  stored: StoredV2 | StoredV2Support,
  range: RangeRow | undefined,
  context: V2ViewContext,
) {
  const { row, totals } = stored;
  // A support document has an establishment and no allowances, its adjustment note neither.
  const request = stored.request as V2SupportRequest &
    Partial<Pick<StoredV2Request, "establishment" | "allowance_charges">>;
  const items = v2Items(request.items, totals.lines);
  return {
    head: {
      reference_code: row.reference_code,
      number: row.number,
    },
    state: {
      is_validated: row.status === 1,
      validated_at: row.validated_at ? factusDateTime(row.validated_at) : null,
      errors: v2Errors(row, context.settings),
      observation: request.observation ?? null,
      created_at: factusDateTime(row.created_at),
    },
    payment_details: request.payment_details.map((payment) => ({
      payment_form: codeName(V2_PAYMENT_FORMS, payment.payment_form),
      payment_method: codeName(V2_PAYMENT_METHODS, payment.payment_method_code),
      reference_code: payment.reference_code ?? null,
      amount: money(payment.amount),
      due_date: payment.due_date ?? null,
    })),
    numbering_range: range ? documentRangeView(range) : null,
    company: v2Company(context.company, request.establishment),
    money: {
      items,
      allowance_charges: (request.allowance_charges ?? []).map((charge) => ({
        concept_type: codeName(V2_ALLOWANCE_CONCEPTS, charge.concept_type),
        is_surcharge: charge.is_surcharge,
        reason: charge.reason,
        base_amount: money(charge.base_amount),
        amount: money(charge.amount),
      })),
      taxes: taxGroups(totals.taxes),
      withholding_taxes: documentWithholdings(items),
      totals: v2TotalsView(stored, context.settings),
    },
    links: { qr: `${DIAN_QR_BASE}${row.cufe}`, public_url: null },
  };
}

/** A note or bill another document points to (v2 documents go by number; no id is documented). */
export interface V2DocumentRef {
  number: string;
  reference_code: string;
}

/** `data` of `POST /v2/bills/validate` and `GET /v2/bills/{number}`, in the response table's order. */
export function v2BillView(
  stored: StoredV2,
  range: RangeRow | undefined,
  related: { credit_notes: V2DocumentRef[]; debit_notes: V2DocumentRef[] },
  context: V2ViewContext,
) {
  const request = stored.request as FactusV2BillRequest & StoredV2Request;
  const parts = v2DocumentParts(stored, range, context);
  return {
    ...parts.head,
    order_reference: request.order_reference ?? null,
    send_email: request.send_email ?? true,
    has_claim: false,
    is_negotiable_instrument: false,
    ...parts.state,
    cufe: stored.row.cufe,
    document_type: codeName(V2_BILL_DOCUMENT_TYPES, request.document ?? "01"),
    operation_type: codeName(V2_OPERATION_TYPES, request.operation_type ?? "10"),
    billing_period: request.billing_period ?? null,
    payment_details: parts.payment_details,
    numbering_range: parts.numbering_range,
    health: request.health ?? null,
    beneficiary: request.beneficiary ?? null,
    company: parts.company,
    customer: v2Party(request.customer),
    items: parts.money.items,
    prepayment_details: (request.prepayment_details ?? []).map((prepayment) => ({
      ...prepayment,
      amount: money(prepayment.amount),
    })),
    allowance_charges: parts.money.allowance_charges,
    taxes: parts.money.taxes,
    withholding_taxes: parts.money.withholding_taxes,
    totals: parts.money.totals,
    related_documents: request.related_documents ?? [],
    related_notes: related,
    links: parts.links,
  };
}

const NOTE_TABLES = {
  credit_note: { corrections: V2_CREDIT_NOTE_CORRECTIONS, customizations: V2_CREDIT_NOTE_OPERATION_TYPES },
  debit_note: { corrections: V2_DEBIT_NOTE_CORRECTIONS, customizations: V2_DEBIT_NOTE_OPERATION_TYPES },
} as const;

/**
 * `data` of a credit or debit note create and show. No v2 page documents it: factus-js' type (flat like a bill,
 * `cude` for `cufe`, `correction_concept`, `customization`, `related_bill`) with the bill answer's parts.
 */
export function v2NoteView(
  stored: StoredV2,
  range: RangeRow | undefined,
  bill: V2DocumentRef | undefined,
  context: V2ViewContext,
) {
  const kind = stored.row.kind === "debit_note" ? "debit_note" : "credit_note";
  const request = stored.request as (FactusV2CreditNoteRequest | FactusV2DebitNoteRequest) & StoredV2Request;
  const parts = v2DocumentParts(stored, range, context);
  return {
    ...parts.head,
    send_email: request.send_email ?? true,
    ...parts.state,
    cude: stored.row.cufe,
    correction_concept: codeName(NOTE_TABLES[kind].corrections, request.correction_concept_code),
    customization: codeName(NOTE_TABLES[kind].customizations, request.customization_id ?? ""),
    billing_period: request.billing_period ?? null,
    payment_details: parts.payment_details,
    numbering_range: parts.numbering_range,
    company: parts.company,
    customer: v2Party(request.customer),
    ...parts.money,
    related_bill: bill ?? null,
    links: parts.links,
  };
}

/**
 * A row of `GET /v2/bills`, `/v2/credit-notes` or `/v2/debit-notes` (none is published): the published
 * adjustment-note row, with the customer for the provider; bills add their flags of the create answer.
 */
export function v2DocumentRow(stored: StoredV2, context: V2ViewContext) {
  const { row, request } = stored;
  const parts = v2DocumentParts(stored, undefined, context);
  return {
    api_client_name: "Factus Emulator",
    number: row.number,
    reference_code: row.reference_code,
    customer: v2Party(request.customer),
    total: parts.money.totals.total,
    errors: parts.state.errors,
    send_email: (request as { send_email?: boolean }).send_email ?? true,
    ...(row.kind === "bill" ? { has_claim: false, is_negotiable_instrument: false } : {}),
    is_validated: parts.state.is_validated,
    validated_at: parts.state.validated_at,
    created_at: parts.state.created_at,
  };
}

/** The printable form (PDF, XML) of a stored v2 document. */
export function v2Printable(
  kind: DocumentRow["kind"],
  stored: StoredV2 | StoredV2Support,
  company: Company,
  billingReference?: string | null,
): PrintableDocument {
  const { row, request, totals } = stored;
  // The other party: the customer, or the provider who sells to the company (support documents).
  const customer = "customer" in request ? v2Party(request.customer) : v2Provider(request.provider);
  return {
    ...printableHead(kind, row),
    company,
    customer: {
      graphic_representation_name: customer.graphic_representation_name,
      identification: customer.identification,
      dv: customer.dv,
      address: customer.address ?? "",
      email: customer.email ?? "",
      phone: customer.phone ?? "",
      municipality: customer.municipality,
    },
    items: request.items.map((item, index) => {
      const line = totals.lines[index]!;
      return {
        code_reference: item.code_reference,
        name: item.name,
        quantity: money(item.quantity),
        price: money(item.price),
        discount_rate: money(item.discount_rate ?? 0),
        tax_rate: line.taxes[0]?.rate ?? "0.00",
        gross_value: line.base,
        taxable_amount: line.excluded ? "0.00" : line.base,
        tax_amount: line.tax_amount,
        total: Number(line.total),
        unit_measure: { code: item.unit_measure_code },
      };
    }),
    totals: {
      gross_value: totals.totals.line_extension_amount,
      tax_amount: totals.totals.tax_amount,
      discount_amount: totals.totals.allowance_amount,
      surcharge_amount: totals.totals.surcharge_amount,
      total: totals.totals.total,
    },
    notes: Object.values(storedErrors(row)),
    billingReference,
  };
}

/**
 * The items of a support document or adjustment note as answered: the published adjustment note's keys, plus the
 * taxes (a v2 support item may carry IVA; the published example's items have none).
 */
function v2SupportItems(stored: StoredV2Support) {
  return v2Items(stored.request.items as StoredV2Request["items"], stored.totals.lines).map((item) => ({
    code_reference: item.code_reference,
    name: item.name,
    quantity: item.quantity,
    unit_measure: item.unit_measure,
    standard_code: item.standard_code,
    discount_rate: item.discount_rate,
    discount: item.discount,
    gross_value: item.gross_value,
    withholding_taxes: item.withholding_taxes,
    price: item.price,
    total: item.total,
    taxes: item.taxes,
  }));
}

/**
 * `data` of a v2 support document create and show (none published): the published adjustment note's shape, in its
 * order, without what refers to the support document. `totals` adds `taxable_amount` and `tax_amount` to the
 * published `gross_amount` and `total`, since a v2 support item may carry IVA.
 */
export function v2SupportDocumentView(stored: StoredV2Support, context: V2ViewContext) {
  const parts = v2DocumentParts(stored, undefined, context);
  const items = v2SupportItems(stored);
  const { totals } = parts.money;
  return {
    ...parts.head,
    payment_details: parts.payment_details,
    ...parts.state,
    company: parts.company,
    provider: v2Provider(stored.request.provider),
    items,
    withholding_taxes: parts.money.withholding_taxes,
    totals: {
      gross_amount: totals.gross_amount,
      taxable_amount: totals.taxable_amount,
      tax_amount: totals.tax_amount,
      total: totals.total,
    },
    cuds: stored.row.cufe,
    links: { qr: parts.links.qr },
  };
}

/** `data` of `GET /v2/adjustment-notes/{number}` (published) and of its create (assumed alike). */
export function v2AdjustmentNoteView(
  stored: StoredV2Support,
  supportDocument: DocumentRow | undefined,
  context: V2ViewContext,
) {
  const request = stored.request as FactusV2AdjustmentNoteRequest;
  const { reference_code, number, payment_details, links, cuds, ...rest } = v2SupportDocumentView(
    stored,
    context,
  );
  return {
    reference_code,
    number,
    payment_details,
    correction_concept: codeName(V2_ADJUSTMENT_NOTE_CORRECTIONS, request.correction_concept_code),
    ...rest,
    cuds,
    support_document: supportDocument
      ? {
          reference_code: supportDocument.reference_code,
          number: supportDocument.number,
          cuds: supportDocument.cufe,
        }
      : null,
    links,
  };
}

/** A row of `GET /v2/adjustment-notes` (published) or `GET /v2/support-documents` (assumed alike). */
export function v2SupportRow(stored: StoredV2Support, context: V2ViewContext) {
  const parts = v2DocumentParts(stored, undefined, context);
  return {
    api_client_name: "Factus Emulator",
    number: stored.row.number,
    reference_code: stored.row.reference_code,
    provider: v2Provider(stored.request.provider),
    total: parts.money.totals.total,
    errors: parts.state.errors,
    // Nobody is e-mailed a support document: the company is the buyer.
    send_email: false,
    is_validated: parts.state.is_validated,
    validated_at: parts.state.validated_at,
    created_at: parts.state.created_at,
  };
}
