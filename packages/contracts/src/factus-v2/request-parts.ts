import * as z from "zod";
import {
  codesOf,
  V2Amount,
  V2CashRounding,
  V2Date,
  V2Quantity,
  V2Rate,
  V2Time,
  v2Code,
  v2CodeIn,
  v2Decimal,
  v2Text,
} from "./primitives";
import {
  isV2CountryCode,
  isV2CurrencyCode,
  isV2MunicipalityCode,
  isV2UnitMeasureCode,
  V2_ALLOWANCE_CONCEPTS,
  V2_CUSTOMER_TRIBUTES,
  V2_FISCAL_RESPONSIBILITIES,
  V2_IDENTITY_DOCUMENTS,
  V2_LEGAL_ORGANIZATIONS,
  V2_PAYMENT_FORMS,
  V2_PAYMENT_METHODS,
  V2_STANDARD_CODES,
  V2_TAXES,
  V2_WITHHOLDING_TAXES,
} from "./tables";

// The parts every v2 document request shares (bills, credit and debit notes, support documents, adjustment notes),
// from the field tables of facturas/crear-y-validar, notas-credito/…, notas-debito/…, documentos-soporte/… and
// notas-ajuste-documentos-soporte/crear-validar. Text limits the tables do not state are not invented: such
// fields only have to be non-empty where the table calls them required.

const NOT_EMPTY = 1;
// Limits the docs do not give; generous caps so a runaway value is still refused.
const LONG = 5000;

export const FactusV2MunicipalityCode = v2CodeIn(isV2MunicipalityCode, "municipio (DANE)");
export const FactusV2UnitMeasureCode = v2CodeIn(isV2UnitMeasureCode, "unidad de medida");
export const FactusV2CountryCode = v2CodeIn(isV2CountryCode, "país (ISO 3166-1)");
export const FactusV2CurrencyCode = v2CodeIn(isV2CurrencyCode, "moneda (ISO 4217)");
export const FactusV2IdentityDocumentCode = v2Code(codesOf(V2_IDENTITY_DOCUMENTS));
export const FactusV2LegalOrganizationCode = v2Code(codesOf(V2_LEGAL_ORGANIZATIONS));
export const FactusV2CustomerTributeCode = v2Code(codesOf(V2_CUSTOMER_TRIBUTES));
export const FactusV2FiscalResponsibility = v2Code(codesOf(V2_FISCAL_RESPONSIBILITIES));
export const FactusV2StandardCode = v2Code(codesOf(V2_STANDARD_CODES));

/** `payment_details[]`: one per means of payment; their amounts must add up to the document's total. */
export const FactusV2PaymentDetail = z
  .strictObject({
    payment_form: v2Code(codesOf(V2_PAYMENT_FORMS)),
    payment_method_code: v2Code(codesOf(V2_PAYMENT_METHODS)),
    reference_code: v2Text(LONG).optional(),
    amount: V2Amount,
    due_date: V2Date.optional(),
  })
  .refine((payment) => payment.payment_form !== "2" || payment.due_date !== undefined, {
    error: "due_date es obligatorio con payment_form 2 (crédito)",
    path: ["due_date"],
  });
export type FactusV2PaymentDetail = z.output<typeof FactusV2PaymentDetail>;

/** `payment_details`: required on every v2 document, at least one. */
export const FactusV2PaymentDetails = z.array(FactusV2PaymentDetail).min(1);

/** `establishment`: "si envías el campo establishment los campos internos son obligatorios". */
export const FactusV2Establishment = z.strictObject({
  name: v2Text(LONG, NOT_EMPTY),
  address: v2Text(LONG, NOT_EMPTY),
  phone_number: v2Text(LONG, NOT_EMPTY),
  email: z.email(),
  municipality_code: FactusV2MunicipalityCode,
});
export type FactusV2Establishment = z.output<typeof FactusV2Establishment>;

/**
 * `billing_period`. The bill table marks the times optional, the credit and debit note tables do not; optional
 * here for all, as the emulator cannot tell which reading Factus enforces.
 */
export const FactusV2BillingPeriod = z.strictObject({
  start_date: V2Date,
  start_time: V2Time.optional(),
  end_date: V2Date,
  end_time: V2Time.optional(),
});

/** `currency`: totals shown in a foreign currency on the PDF only; the document stays in COP. */
export const FactusV2Currency = z.strictObject({
  type: FactusV2CurrencyCode,
  // No precision stated for the rate; any plain positive decimal up to 6 places.
  exchange_rate: v2Decimal(0, 1e9, { positive: true, places: 6 }),
});

export const FactusV2OrderReference = z.strictObject({
  reference_code: v2Text(LONG, NOT_EMPTY),
  issue_date: V2Date.optional(),
});

/** `related_documents[]`: required when `document` is 03. */
export const FactusV2RelatedDocument = z.strictObject({
  code: v2Text(LONG, NOT_EMPTY),
  issue_date: V2Date,
  number: v2Text(LONG, NOT_EMPTY),
});

/**
 * `prepayment_details[]`. `concept_code` is not in the bill table; the three health-sector examples send it. The
 * migration page's fragment (`prepayment_form`, `prepayment_method_code`, `due_date`) does not match this table and
 * is not accepted.
 */
export const FactusV2PrepaymentDetail = z.strictObject({
  reference_code: v2Text(LONG, NOT_EMPTY),
  received_date: V2Date,
  concept_code: v2Text(LONG).optional(),
  amount: V2Amount,
  note: v2Text(5000).optional(),
});

/** Health sector data (`health`), required for SS-CUFE, SS-Reporte and SS-SinAporte. Its code tables were not extracted. */
export const FactusV2Health = z.strictObject({
  provider_code: v2Text(LONG, NOT_EMPTY),
  payment_method_code: v2Text(LONG, NOT_EMPTY),
  coverage_code: v2Text(LONG, NOT_EMPTY),
  contract_number: v2Text(LONG, NOT_EMPTY),
  // The SS examples send "" (the table: required only for policies: SOAT, ARL…).
  policy_number: v2Text(LONG).optional(),
});

/**
 * `beneficiary` (SS-Recaudo). Not in the bill field table; both SS-Recaudo examples send it with the health
 * sector's own identity code ("CC"), not the DIAN table's, and empty names.
 */
export const FactusV2Beneficiary = z.strictObject({
  identification_document_code: v2Text(LONG, NOT_EMPTY),
  identification_number: v2Text(LONG).optional(),
  names: v2Text(LONG).optional(),
  surnames: v2Text(LONG).optional(),
});

/**
 * `customer` of a bill or note. `legal_organization_code` is required by the table but the consumidor-final example
 * omits it, so it is optional here; when sent, `company` must come with 1 (persona jurídica) and `names` with 2
 * (persona natural), as the table says.
 */
export const FactusV2Customer = z
  .strictObject({
    identification_document_code: FactusV2IdentityDocumentCode,
    identification: v2Text(LONG, NOT_EMPTY),
    // Computed by Factus for NIT when absent.
    dv: v2Text(1).optional(),
    legal_organization_code: FactusV2LegalOrganizationCode.optional(),
    tribute_code: FactusV2CustomerTributeCode.optional(),
    responsibilities: z.array(FactusV2FiscalResponsibility).optional(),
    company: v2Text(LONG).optional(),
    trade_name: v2Text(LONG).optional(),
    names: v2Text(LONG).optional(),
    address: v2Text(LONG).optional(),
    email: z.email().optional(),
    phone: v2Text(LONG).optional(),
    country_code: FactusV2CountryCode.optional(),
    municipality_code: FactusV2MunicipalityCode.optional(),
  })
  .superRefine((customer, ctx) => {
    if (customer.legal_organization_code === "1" && !customer.company)
      ctx.addIssue({ code: "custom", path: ["company"], message: "Obligatorio para persona jurídica (1)" });
    if (customer.legal_organization_code === "2" && !customer.names)
      ctx.addIssue({ code: "custom", path: ["names"], message: "Obligatorio para persona natural (2)" });
  });
export type FactusV2Customer = z.output<typeof FactusV2Customer>;

/** An item tax whose code is one of `code`'s. */
export const itemTax = <T extends z.ZodType>(code: T) =>
  z
    .strictObject({ code: code.optional(), rate: V2Rate.optional(), is_excluded: z.boolean().optional() })
    .refine((tax) => tax.is_excluded === true || (tax.code !== undefined && tax.rate !== undefined), {
      error: "code y rate son obligatorios si el ítem no está excluido",
    });

/**
 * One tax of an item: `{ code, rate }`, or `{ is_excluded: true }` for an excluded item (v2 examples then omit code
 * and rate). Exempt (0 %, not excluded) is `{ code: "01", rate: "0.00" }`.
 */
export const FactusV2ItemTax = itemTax(v2Code(codesOf(V2_TAXES)));
export type FactusV2ItemTax = z.output<typeof FactusV2ItemTax>;

/** A self-withholding of an item (05 ReteIVA, 06 ReteRenta): informative, never subtracted from the total. */
export const FactusV2WithholdingTax = z.strictObject({
  code: v2Code(codesOf(V2_WITHHOLDING_TAXES)),
  rate: V2Rate,
});

/** `items[].mandate` (operation 11, mandates). */
export const FactusV2Mandate = z.strictObject({
  identification_document_code: FactusV2IdentityDocumentCode,
  identification: v2Text(LONG, NOT_EMPTY),
});

/** `items[].additional_properties[]` (freight transport). Code 03 needs `quantity` and `unit_measure_code`. */
export const FactusV2AdditionalProperty = z
  .strictObject({
    code: v2Text(LONG, NOT_EMPTY),
    value: v2Text(LONG, NOT_EMPTY),
    quantity: V2Quantity.optional(),
    unit_measure_code: FactusV2UnitMeasureCode.optional(),
  })
  .refine((property) => property.code !== "03" || (property.quantity && property.unit_measure_code), {
    error: "quantity y unit_measure_code son obligatorios con el código 03",
  });

/** The fields of a document item (support documents reuse them with their own taxes). */
export const itemShape = {
  code_reference: v2Text(LONG, NOT_EMPTY),
  name: v2Text(LONG, NOT_EMPTY),
  note: v2Text(LONG).optional(),
  quantity: V2Quantity,
  discount_rate: V2Rate.optional(),
  discount_amount: V2Amount.optional(),
  price: V2Amount,
  unit_measure_code: FactusV2UnitMeasureCode,
  standard_code: FactusV2StandardCode,
  taxes: z.array(FactusV2ItemTax).min(1),
  withholding_taxes: z.array(FactusV2WithholdingTax).optional(),
  // "1" income of a third party (mandate), "0" own income.
  scheme_id: v2Code(["0", "1"]).optional(),
  collection_concept_code: v2Text(LONG).optional(),
  mandate: FactusV2Mandate.optional(),
  additional_properties: z.array(FactusV2AdditionalProperty).optional(),
};

/** The discount is a rate or an amount, not both. */
export const oneDiscount: [
  (item: { discount_rate?: string; discount_amount?: string }) => boolean,
  { error: string; path: string[] },
] = [
  (item) => !(Number(item.discount_rate ?? 0) > 0 && Number(item.discount_amount ?? 0) > 0),
  { error: "Envíe discount_rate o discount_amount, no ambos", path: ["discount_amount"] },
];

/**
 * An item of a bill, credit note or debit note. `price` is **net** (no tax, before discount). The discount is
 * `discount_rate` (%) or `discount_amount`; the docs say to use one of the two, so both non-zero is refused (which
 * one Factus would apply is not documented). `scheme_id`, `collection_concept_code` and `additional_properties` are
 * missing from the bill table but used by its mandate, SS-Recaudo and transport examples (and listed in the credit
 * note table); the debit note table has no `discount_amount` or `additional_properties`, accepted anyway as the
 * arithmetic is the same.
 */
export const FactusV2Item = z.strictObject(itemShape).refine(...oneDiscount);
export type FactusV2Item = z.output<typeof FactusV2Item>;
export type FactusV2ItemInput = z.input<typeof FactusV2Item>;

/**
 * `allowance_charges[]`: document-level discounts and surcharges. Only concept 03 (surcharge, e.g. a tip) is
 * enabled at Factus; 00–02 are "disponible próximamente" but listed, so accepted here.
 */
export const FactusV2AllowanceCharge = z.strictObject({
  concept_type: v2Code(codesOf(V2_ALLOWANCE_CONCEPTS)),
  is_surcharge: z.boolean(),
  reason: v2Text(LONG, NOT_EMPTY),
  base_amount: V2Amount,
  amount: V2Amount,
});

/** The head fields every v2 document create shares. */
export const documentHead = {
  reference_code: v2Text(LONG, NOT_EMPTY),
  numbering_range_id: z.preprocess(
    (value) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value),
    z.int().positive(),
  ),
  created_time: V2Time,
  observation: v2Text(500),
  payment_details: FactusV2PaymentDetails,
  cash_rounding_amount: V2CashRounding,
  establishment: FactusV2Establishment,
} as const;
