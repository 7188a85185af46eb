import * as z from "zod";
import { normalizeV2Errors } from "./dian-errors";
import { V2CodeName, V2WireText } from "./primitives";

// The parts v2 document answers share, from the response field table of facturas/crear-y-validar and the one v2
// document answer published with numbers (notas-ajuste-documentos-soporte/ver). Read leniently: loose objects,
// nullable wherever the table says "Retorna null si…", optional where a field appears in one document kind only.

const nullableText = z.string().nullable().optional();

/** `{ code, name, department: { code, name } }`. */
export const FactusV2MunicipalityRef = z.looseObject({
  code: V2WireText,
  name: z.string(),
  department: V2CodeName.optional(),
});

/** `company.establishment`: where v2 puts the issuer's name and address. */
export const FactusV2EstablishmentRef = z.looseObject({
  name: z.string(),
  address: nullableText,
  phone_number: nullableText,
  email: nullableText,
  municipality: FactusV2MunicipalityRef.nullable().optional(),
});

/** The issuer as a document answer shows it. */
export const FactusV2DocumentCompany = z.looseObject({
  url_logo: nullableText,
  nit: V2WireText,
  dv: V2WireText.nullable().optional(),
  economic_activity: V2WireText.nullable().optional(),
  establishment: FactusV2EstablishmentRef,
});

/** The customer (bills, notes) or the provider (support documents, adjustment notes). */
export const FactusV2Party = z.looseObject({
  identification_document: V2CodeName,
  identification: V2WireText,
  dv: V2WireText.nullable().optional(),
  graphic_representation_name: nullableText,
  trade_name: nullableText,
  company: nullableText,
  names: nullableText,
  address: nullableText,
  email: nullableText,
  phone: nullableText,
  legal_organization: V2CodeName.nullable().optional(),
  tribute: V2CodeName.nullable().optional(),
  country: V2CodeName.nullable().optional(),
  municipality: FactusV2MunicipalityRef.nullable().optional(),
});
export type FactusV2Party = z.infer<typeof FactusV2Party>;

/** `payment_details[]` as answered: codes become `{ code, name }`. */
export const FactusV2PaymentDetailRef = z.looseObject({
  payment_form: V2CodeName,
  payment_method: V2CodeName,
  reference_code: nullableText,
  amount: V2WireText,
  due_date: nullableText,
});

/** One rate of a tax: base, tax and rate, each a 2-decimal string. */
export const FactusV2TaxRateRef = z.looseObject({
  taxable_amount: V2WireText.optional(),
  tax_amount: V2WireText.optional(),
  rate: V2WireText,
});

/** A tax of an item, or the per-tribute summary in `data.taxes[]`. */
export const FactusV2TaxRef = z.looseObject({
  tribute: V2CodeName,
  is_excluded: z.boolean().optional(),
  rates: z.array(FactusV2TaxRateRef).optional(),
});

/**
 * A withholding. The adjustment note example has `{ tribute_code, name, value, rates: [{ code, name, rate }] }`;
 * the bill table does not describe it; so every field is optional.
 */
export const FactusV2WithholdingRef = z.looseObject({
  tribute_code: V2WireText.optional(),
  tribute: V2CodeName.optional(),
  name: z.string().optional(),
  value: V2WireText.optional(),
  rates: z
    .array(z.looseObject({ code: V2WireText.optional(), name: z.string().optional(), rate: V2WireText }))
    .optional(),
});

/**
 * An item as answered: `price` and `total` are **net** (total = price × quantity − discount, before tax); the taxes
 * are in `taxes[].rates[]`. In the only numeric example `gross_value` is 50,000.00 for 2 × 50,000.00: per unit or
 * wrong, so do not build on it.
 */
export const FactusV2ItemRef = z.looseObject({
  code_reference: z.string(),
  name: z.string(),
  quantity: V2WireText,
  unit_measure: V2CodeName,
  standard_code: V2CodeName,
  discount_rate: V2WireText,
  discount: V2WireText,
  gross_value: V2WireText.optional(),
  price: V2WireText,
  total: V2WireText,
  note: nullableText,
  scheme_id: z.union([V2WireText, V2CodeName]).nullable().optional(),
  collection_concept: z.union([z.string(), V2CodeName]).nullable().optional(),
  mandate: z.looseObject({ identification: V2WireText }).nullable().optional(),
  additional_properties: z.array(z.looseObject({ code: V2WireText })).optional(),
  taxes: z.array(FactusV2TaxRef).optional(),
  withholding_taxes: z.array(FactusV2WithholdingRef).optional(),
});
export type FactusV2ItemRef = z.infer<typeof FactusV2ItemRef>;

/**
 * `totals`. Bills document all six; the adjustment note example has only `gross_amount` and `total`, so only
 * `total` is required. Whether `total` subtracts prepayments (the table says "después de anticipos") or includes
 * `cash_rounding_amount` is not known.
 */
export const FactusV2Totals = z.looseObject({
  prepayment_amount: V2WireText.optional(),
  gross_amount: V2WireText.optional(),
  taxable_amount: V2WireText.optional(),
  tax_amount: V2WireText.optional(),
  surcharge_amount: V2WireText.optional(),
  total: V2WireText,
});
export type FactusV2Totals = z.infer<typeof FactusV2Totals>;

/** `numbering_range` in a document answer. */
export const FactusV2RangeRef = z.looseObject({
  prefix: z.string(),
  from: z.union([z.number(), z.string()]).optional(),
  to: z.union([z.number(), z.string()]).optional(),
  resolution_number: z.string().nullable().optional(),
  start_date: nullableText,
  end_date: nullableText,
  months: z.number().nullable().optional(),
});

export const FactusV2Links = z.looseObject({ qr: nullableText, public_url: nullableText });

/** A note or bill another document points to. `id` is not documented in v2 (v1 had it). */
export const FactusV2DocumentRef = z.looseObject({
  id: z.number().optional(),
  number: z.string(),
  reference_code: nullableText,
});

// ---------------------------------------------------------------- DIAN notifications

/**
 * `errors`: the DIAN's notifications and rejections. The bill tables type it as an object keyed by rule
 * (`{ "FAJ44b": "Regla: FAJ44b, Notificación: …" }`, a sandbox capture agrees); the only v2 document answers
 * published (adjustment note view and list) show an array of strings. Both are accepted, as is null.
 */
export const FactusV2DocumentErrors = z
  .union([z.array(z.string()), z.record(z.string(), z.union([z.string(), z.array(z.string())])), z.null()])
  .optional();
export type FactusV2DocumentErrors = z.infer<typeof FactusV2DocumentErrors>;

// Kept apart from the schemas (dian-errors.ts): reading a document's errors builds none (factus-client's documentView).
export { normalizeV2Errors };

/**
 * Whether the DIAN rejected the document: not validated and a notification says "Rechazo" [manejo-errores]. Not
 * validated without "Rechazo" means the DIAN is slow: resend the same body, do not delete.
 */
export const isV2Rejection = (document: { is_validated: boolean; errors?: FactusV2DocumentErrors }) =>
  !document.is_validated && normalizeV2Errors(document.errors).some((text) => /Rechazo/i.test(text));
