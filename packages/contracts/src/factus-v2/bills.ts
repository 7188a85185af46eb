import * as z from "zod";
import {
  codesOf,
  factusV2Envelope,
  factusV2Page,
  V2CodeName,
  V2WireText,
  v2Code,
  v2Text,
} from "./primitives";
import {
  documentHead,
  FactusV2AllowanceCharge,
  FactusV2Beneficiary,
  FactusV2BillingPeriod,
  FactusV2Currency,
  FactusV2Customer,
  FactusV2Health,
  FactusV2IdentityDocumentCode,
  FactusV2Item,
  FactusV2OrderReference,
  FactusV2PrepaymentDetail,
  FactusV2RelatedDocument,
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
import { V2_BILL_DOCUMENT_TYPES, V2_CLAIM_CONCEPTS, V2_OPERATION_TYPES } from "./tables";

// Bills: POST /v2/bills/validate and the routes around a bill [facturas/*].

/**
 * `POST /v2/bills/validate`. Prices are net; `payment_details` amounts must add up to the total v2 computes
 * (+ `cash_rounding_amount`). `customer` is required by the table, yet four published examples omit it
 * (estandar-anticipo, estandar-currency, ss-recaudo ×2): optional here; what Factus puts in its place (presumably
 * the final consumer) is not documented.
 */
export const FactusV2BillRequest = z
  .strictObject({
    reference_code: documentHead.reference_code,
    document: v2Code(codesOf(V2_BILL_DOCUMENT_TYPES)).optional(),
    numbering_range_id: documentHead.numbering_range_id.optional(),
    operation_type: v2Code(codesOf(V2_OPERATION_TYPES)).optional(),
    created_time: documentHead.created_time.optional(),
    currency: FactusV2Currency.optional(),
    send_email: z.boolean().optional(),
    observation: documentHead.observation.optional(),
    prepayment_details: z.array(FactusV2PrepaymentDetail).optional(),
    payment_details: documentHead.payment_details,
    cash_rounding_amount: documentHead.cash_rounding_amount.optional(),
    establishment: documentHead.establishment.optional(),
    billing_period: FactusV2BillingPeriod.optional(),
    order_reference: FactusV2OrderReference.optional(),
    related_documents: z.array(FactusV2RelatedDocument).optional(),
    health: FactusV2Health.optional(),
    beneficiary: FactusV2Beneficiary.optional(),
    customer: FactusV2Customer.optional(),
    items: z.array(FactusV2Item).min(1),
    allowance_charges: z.array(FactusV2AllowanceCharge).optional(),
  })
  .refine((bill) => bill.document !== "03" || (bill.related_documents?.length ?? 0) > 0, {
    error: "related_documents es obligatorio con document 03",
    path: ["related_documents"],
  });
export type FactusV2BillRequest = z.output<typeof FactusV2BillRequest>;
export type FactusV2BillRequestInput = z.input<typeof FactusV2BillRequest>;

/**
 * `data` of a bill create (201) and, assumed, of `GET /v2/bills/{number}` (its page documents the path only;
 * factus-js types both alike). Flat, unlike v1's `data.bill`. Required: what a reader needs to map a bill
 * (identity, DIAN state, parties, items, totals); the rest of the table is optional.
 */
export const FactusV2Bill = z.looseObject({
  reference_code: z.string().nullable(),
  number: z.string(),
  // The table types it "string | null"; the request sends an object. Either is read.
  order_reference: z
    .union([z.string(), z.looseObject({})])
    .nullable()
    .optional(),
  send_email: z.boolean().optional(),
  has_claim: z.boolean().optional(),
  is_negotiable_instrument: z.boolean().optional(),
  is_validated: z.boolean(),
  validated_at: z.string().nullable(),
  errors: FactusV2DocumentErrors,
  observation: z.string().nullable().optional(),
  created_at: z.string(),
  cufe: z.string().nullable(),
  document_type: V2CodeName.optional(),
  // An object in the field table; the research summary lists it bare. Either is read.
  operation_type: z.union([V2CodeName, V2WireText]).optional(),
  billing_period: z.looseObject({}).nullable().optional(),
  payment_details: z.array(FactusV2PaymentDetailRef),
  numbering_range: FactusV2RangeRef.nullable(),
  health: z.looseObject({}).nullable().optional(),
  beneficiary: z.looseObject({}).nullable().optional(),
  company: FactusV2DocumentCompany,
  customer: FactusV2Party,
  items: z.array(FactusV2ItemRef),
  prepayment_details: z.array(z.looseObject({ amount: V2WireText })).optional(),
  allowance_charges: z.array(z.looseObject({ is_surcharge: z.boolean(), amount: V2WireText })).optional(),
  taxes: z.array(FactusV2TaxRef).optional(),
  withholding_taxes: z.array(FactusV2WithholdingRef).optional(),
  totals: FactusV2Totals,
  related_documents: z.array(z.looseObject({})).optional(),
  related_notes: z
    .looseObject({
      credit_notes: z.array(FactusV2DocumentRef),
      debit_notes: z.array(FactusV2DocumentRef),
    })
    .optional(),
  links: FactusV2Links.optional(),
});
export type FactusV2Bill = z.infer<typeof FactusV2Bill>;
export const FactusV2BillResponse = factusV2Envelope(FactusV2Bill);
export type FactusV2BillResponse = z.infer<typeof FactusV2BillResponse>;

/**
 * A row of `GET /v2/bills`. No bill list is published: this follows the only v2 list answer (adjustment notes:
 * the party nested, `is_validated`, `validated_at`), with `customer` for `provider`; factus-js also allows flat
 * `identification`/`names`. Whether rows carry their credit notes, as v1's did, is not documented.
 */
export const FactusV2BillRow = z.looseObject({
  api_client_name: z.string().nullable().optional(),
  number: z.string(),
  reference_code: z.string().nullable(),
  customer: FactusV2Party.optional(),
  identification: V2WireText.optional(),
  names: z.string().nullable().optional(),
  total: V2WireText,
  errors: FactusV2DocumentErrors,
  send_email: z.boolean().optional(),
  has_claim: z.boolean().optional(),
  is_negotiable_instrument: z.boolean().optional(),
  is_validated: z.boolean(),
  validated_at: z.string().nullable(),
  created_at: z.string(),
});
export type FactusV2BillRow = z.infer<typeof FactusV2BillRow>;
export const FactusV2BillPage = factusV2Page(FactusV2BillRow);
export type FactusV2BillPage = z.infer<typeof FactusV2BillPage>;

/** Query of `GET /v2/bills` (sent as `filter[<key>]`, plus `page`). */
export const FactusV2BillFilters = z.strictObject({
  identification: z.string().optional(),
  names: z.string().optional(),
  number: z.string().optional(),
  prefix: z.string().optional(),
  reference_code: z.string().optional(),
  // 1 validated, 0 pending.
  status: v2Code(["0", "1"]).optional(),
  // `filter[per_page]` in the docs; factus-js sends bare `per_page`. Which one Factus honours is not verified.
  per_page: z.int().min(1).optional(),
  created_at: z
    .strictObject({ start_date: z.string().optional(), end_date: z.string().optional() })
    .optional(),
});
export type FactusV2BillFilters = z.infer<typeof FactusV2BillFilters>;

/** `GET …/download-pdf` of any v2 document. */
export const FactusV2Pdf = factusV2Envelope(
  z.looseObject({ file_name: z.string(), pdf_base_64_encoded: z.string() }),
);
/** `GET …/download-xml` (and `…/download-attached-document-xml`) of any v2 document. */
export const FactusV2Xml = factusV2Envelope(
  z.looseObject({ file_name: z.string(), xml_base_64_encoded: z.string() }),
);

/**
 * `POST /v2/{bills|credit-notes|debit-notes}/{number}/send-email`. The PDF is optional (a custom graphic
 * representation). Base64 is not checked: the published examples carry the mirror's placeholder.
 */
export const FactusV2SendEmailRequest = z.strictObject({
  email: z.email(),
  pdf_base_64_encoded: z.string().min(1).optional(),
});
export type FactusV2SendEmailRequest = z.infer<typeof FactusV2SendEmailRequest>;

/** `GET …/email-content`. The attachment's field name is not stated in v2 (FJSF #6); v1's is assumed. */
export const FactusV2EmailContent = factusV2Envelope(
  z.looseObject({ subject: z.string(), attached_document: z.string().optional() }),
);

/** `GET /v2/bills/{number}/radian/events`: as in v1. */
export const FactusV2RadianEvents = factusV2Envelope(
  z.array(
    z.looseObject({
      number: z.string(),
      cude: z.string(),
      event_code: V2WireText,
      event_name: z.string(),
      effective_date: z.string(),
      effective_time: z.string(),
    }),
  ),
);

/**
 * `POST /v2/bills/{number}/radian/events/{event_type}` (tacit acceptance, 034). The page's route contradicts
 * recepcion-de-documentos/emitir-evento (FJSF #8). The example sends `dv: ""`, so an empty dv is accepted.
 * `claim_concept_code` (event 031) is from factus-js.
 */
export const FactusV2RadianEventRequest = z.strictObject({
  identification_document_code: FactusV2IdentityDocumentCode,
  identification: v2Text(5000, 1),
  dv: v2Text(1).optional(),
  first_name: v2Text(5000, 1),
  last_name: v2Text(5000, 1),
  job_title: v2Text(5000).optional(),
  organization_department: v2Text(5000).optional(),
  claim_concept_code: v2Code(codesOf(V2_CLAIM_CONCEPTS)).optional(),
});
export type FactusV2RadianEventRequest = z.infer<typeof FactusV2RadianEventRequest>;
