import * as z from "zod";
import { codesOf, factusV2Envelope, factusV2Page, V2CodeName, v2Code, v2Text } from "./primitives";
import {
  documentHead,
  FactusV2AllowanceCharge,
  FactusV2BillingPeriod,
  FactusV2Currency,
  FactusV2Customer,
  FactusV2Health,
  FactusV2Item,
} from "./request-parts";
import {
  FactusV2DocumentCompany,
  FactusV2DocumentErrors,
  FactusV2DocumentRef,
  FactusV2ItemRef,
  FactusV2Links,
  FactusV2Party,
  FactusV2PaymentDetailRef,
  FactusV2RangeRef,
  FactusV2TaxRef,
  FactusV2Totals,
  FactusV2WithholdingRef,
} from "./response-parts";
import {
  V2_CREDIT_NOTE_CORRECTIONS,
  V2_CREDIT_NOTE_OPERATION_TYPES,
  V2_DEBIT_NOTE_CORRECTIONS,
  V2_DEBIT_NOTE_OPERATION_TYPES,
} from "./tables";

// Credit and debit notes [notas-credito/*, notas-debito/*]. Both reference a bill by its number (v1 took the
// bill's id) and both take `payment_details` like a bill.

const noteFields = {
  reference_code: documentHead.reference_code,
  bill_number: v2Text(100, 1).optional(),
  numbering_range_id: documentHead.numbering_range_id.optional(),
  created_time: documentHead.created_time.optional(),
  currency: FactusV2Currency.optional(),
  // In neither field table; the debit note example sends it, and v1 credit notes had it.
  send_email: z.boolean().optional(),
  observation: documentHead.observation.optional(),
  payment_details: documentHead.payment_details,
  // In the debit note table, not in the credit note one; accepted for both, the payment rule being the same.
  cash_rounding_amount: documentHead.cash_rounding_amount.optional(),
  establishment: documentHead.establishment.optional(),
  billing_period: FactusV2BillingPeriod.optional(),
  // Taken from the bill when absent.
  customer: FactusV2Customer.optional(),
  items: z.array(FactusV2Item).min(1),
  allowance_charges: z.array(FactusV2AllowanceCharge).optional(),
};

/** A note without a bill (22 credit, 32 debit) needs `billing_period`; any other needs `bill_number`. */
const referencesABill =
  (withoutBill: string) =>
  (note: { customization_id?: string; bill_number?: string; billing_period?: unknown }) =>
    note.customization_id === withoutBill
      ? note.billing_period !== undefined
      : note.bill_number !== undefined;

/** `POST /v2/credit-notes/validate`. `customization_id` defaults to 20 (references a bill). */
export const FactusV2CreditNoteRequest = z
  .strictObject({
    ...noteFields,
    correction_concept_code: v2Code(codesOf(V2_CREDIT_NOTE_CORRECTIONS)),
    customization_id: v2Code(codesOf(V2_CREDIT_NOTE_OPERATION_TYPES)).optional(),
    health: FactusV2Health.optional(),
  })
  .refine(referencesABill("22"), {
    error: "bill_number es obligatorio (customization_id 20); billing_period con customization_id 22",
  });
export type FactusV2CreditNoteRequest = z.output<typeof FactusV2CreditNoteRequest>;
export type FactusV2CreditNoteRequestInput = z.input<typeof FactusV2CreditNoteRequest>;

/** `POST /v2/debit-notes/validate`. `customization_id` defaults to 30 (references a bill). */
export const FactusV2DebitNoteRequest = z
  .strictObject({
    ...noteFields,
    correction_concept_code: v2Code(codesOf(V2_DEBIT_NOTE_CORRECTIONS)),
    customization_id: v2Code(codesOf(V2_DEBIT_NOTE_OPERATION_TYPES)).optional(),
  })
  .refine(referencesABill("32"), {
    error: "bill_number es obligatorio (customization_id 30); billing_period con customization_id 32",
  });
export type FactusV2DebitNoteRequest = z.output<typeof FactusV2DebitNoteRequest>;
export type FactusV2DebitNoteRequestInput = z.input<typeof FactusV2DebitNoteRequest>;

/**
 * `data` of a credit or debit note create/show. No v2 page documents it; this is factus-js' type (flat like a
 * bill, `cude` instead of `cufe`, `correction_concept`, `customization`, `related_bill`) with the bill's parts. A
 * practitioner confirms `cude`.
 */
export const FactusV2Note = z.looseObject({
  reference_code: z.string().nullable(),
  number: z.string(),
  is_validated: z.boolean(),
  validated_at: z.string().nullable(),
  errors: FactusV2DocumentErrors,
  observation: z.string().nullable().optional(),
  created_at: z.string(),
  cude: z.string().nullable(),
  correction_concept: V2CodeName,
  customization: V2CodeName.optional(),
  payment_details: z.array(FactusV2PaymentDetailRef).optional(),
  numbering_range: FactusV2RangeRef.nullable().optional(),
  billing_period: z.looseObject({}).nullable().optional(),
  company: FactusV2DocumentCompany,
  customer: FactusV2Party,
  items: z.array(FactusV2ItemRef),
  allowance_charges: z.array(z.looseObject({})).optional(),
  taxes: z.array(FactusV2TaxRef).optional(),
  withholding_taxes: z.array(FactusV2WithholdingRef).optional(),
  totals: FactusV2Totals,
  links: FactusV2Links.optional(),
  related_bill: FactusV2DocumentRef.nullable().optional(),
});
export type FactusV2Note = z.infer<typeof FactusV2Note>;
export const FactusV2CreditNoteResponse = factusV2Envelope(FactusV2Note);
export const FactusV2DebitNoteResponse = factusV2Envelope(FactusV2Note);

/** A row of `GET /v2/credit-notes` or `/v2/debit-notes`: shaped like a bill row (assumed; none published). */
export const FactusV2NoteRow = z.looseObject({
  api_client_name: z.string().nullable().optional(),
  number: z.string(),
  reference_code: z.string().nullable(),
  customer: FactusV2Party.optional(),
  total: z.union([z.string(), z.number()]).transform(String),
  errors: FactusV2DocumentErrors,
  send_email: z.boolean().optional(),
  is_validated: z.boolean(),
  validated_at: z.string().nullable(),
  created_at: z.string(),
});
export const FactusV2CreditNotePage = factusV2Page(FactusV2NoteRow);
export const FactusV2DebitNotePage = factusV2Page(FactusV2NoteRow);
