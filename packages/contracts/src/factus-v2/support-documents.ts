import * as z from "zod";
import {
  codesOf,
  factusV2Envelope,
  factusV2Page,
  V2CodeName,
  V2Date,
  V2WireText,
  v2Code,
  v2Text,
} from "./primitives";
import {
  documentHead,
  FactusV2CountryCode,
  FactusV2LegalOrganizationCode,
  FactusV2MunicipalityCode,
  itemShape,
  itemTax,
  oneDiscount,
} from "./request-parts";
import {
  FactusV2DocumentCompany,
  FactusV2DocumentErrors,
  FactusV2ItemRef,
  FactusV2Links,
  FactusV2Party,
  FactusV2PaymentDetailRef,
  FactusV2Totals,
  FactusV2WithholdingRef,
} from "./response-parts";
import { V2_ADJUSTMENT_NOTE_CORRECTIONS, V2_SUPPORT_DOCUMENT_IDENTITY_DOCUMENTS } from "./tables";

// Support documents (purchases from sellers who do not invoice) and their adjustment notes
// [documentos-soporte/*, notas-ajuste-documentos-soporte/*].

/**
 * `provider`. `legal_organization_code` is not in the field table; the support document example sends it (and
 * a `names`, not a `company`, with code 1), so it is accepted without the customer's company/names rule.
 */
export const FactusV2Provider = z.strictObject({
  identification_document_code: v2Code(codesOf(V2_SUPPORT_DOCUMENT_IDENTITY_DOCUMENTS)),
  identification: v2Text(5000, 1),
  dv: v2Text(1).optional(),
  trade_name: v2Text(5000).optional(),
  names: v2Text(5000, 1),
  address: v2Text(5000, 1),
  country_code: FactusV2CountryCode,
  municipality_code: FactusV2MunicipalityCode.optional(),
  email: z.email().optional(),
  phone: v2Text(5000).optional(),
  legal_organization_code: FactusV2LegalOrganizationCode.optional(),
});
export type FactusV2Provider = z.output<typeof FactusV2Provider>;

/**
 * A support document item: a bill item whose only tax is IVA (01, "para documento soporte debe ser 01") or
 * excluded, plus `period` (when the purchase was made; per operation when absent). The table has no
 * `discount_amount`; accepted as for bills.
 */
export const FactusV2SupportDocumentItem = z
  .strictObject({
    ...itemShape,
    taxes: z.array(itemTax(v2Code(["01"]))).min(1),
    period: z
      .strictObject({
        generation_mode: v2Code(["1", "2"]),
        // Required with mode 2; at most 6 days back.
        start_date: V2Date.optional(),
      })
      .optional(),
  })
  .refine(...oneDiscount);

const supportFields = {
  reference_code: documentHead.reference_code,
  numbering_range_id: documentHead.numbering_range_id.optional(),
  created_time: documentHead.created_time.optional(),
  observation: documentHead.observation.optional(),
  payment_details: documentHead.payment_details,
  cash_rounding_amount: documentHead.cash_rounding_amount.optional(),
  provider: FactusV2Provider,
};

/** `POST /v2/support-documents/validate`. */
export const FactusV2SupportDocumentRequest = z.strictObject({
  ...supportFields,
  establishment: documentHead.establishment.optional(),
  items: z.array(FactusV2SupportDocumentItem).min(1),
});
export type FactusV2SupportDocumentRequest = z.output<typeof FactusV2SupportDocumentRequest>;

/** `POST /v2/adjustment-notes/validate`: corrects a support document, referenced by number. */
export const FactusV2AdjustmentNoteRequest = z.strictObject({
  ...supportFields,
  support_document_number: v2Text(100, 1),
  correction_concept_code: v2Code(codesOf(V2_ADJUSTMENT_NOTE_CORRECTIONS)),
  items: z.array(FactusV2SupportDocumentItem).min(1),
});
export type FactusV2AdjustmentNoteRequest = z.output<typeof FactusV2AdjustmentNoteRequest>;

/** The fields a support document and an adjustment note answer share (the adjustment note example shows them). */
const supportAnswer = {
  reference_code: z.string().nullable(),
  number: z.string(),
  payment_details: z.array(FactusV2PaymentDetailRef).optional(),
  is_validated: z.boolean(),
  validated_at: z.string().nullable(),
  errors: FactusV2DocumentErrors,
  observation: z.string().nullable().optional(),
  created_at: z.string(),
  company: FactusV2DocumentCompany,
  provider: FactusV2Party,
  items: z.array(FactusV2ItemRef),
  withholding_taxes: z.array(FactusV2WithholdingRef).optional(),
  totals: FactusV2Totals,
  cuds: z.string().nullable(),
  links: FactusV2Links.optional(),
};

/** `data` of `GET /v2/adjustment-notes/{number}` (published) and, assumed, of its create. */
export const FactusV2AdjustmentNote = z.looseObject({
  ...supportAnswer,
  correction_concept: V2CodeName,
  support_document: z
    .looseObject({ reference_code: z.string().nullable(), number: z.string(), cuds: z.string().nullable() })
    .nullable(),
});
export type FactusV2AdjustmentNote = z.infer<typeof FactusV2AdjustmentNote>;
export const FactusV2AdjustmentNoteResponse = factusV2Envelope(FactusV2AdjustmentNote);

/** `data` of a support document create/show: none published; the adjustment note's shape without the reference. */
export const FactusV2SupportDocument = z.looseObject(supportAnswer);
export const FactusV2SupportDocumentResponse = factusV2Envelope(FactusV2SupportDocument);

/** A row of `GET /v2/adjustment-notes` (published) or `GET /v2/support-documents` (assumed alike). */
export const FactusV2SupportRow = z.looseObject({
  api_client_name: z.string().nullable().optional(),
  number: z.string(),
  reference_code: z.string().nullable(),
  provider: FactusV2Party,
  total: V2WireText,
  errors: FactusV2DocumentErrors,
  send_email: z.boolean().optional(),
  is_validated: z.boolean(),
  validated_at: z.string().nullable(),
  created_at: z.string(),
});
export const FactusV2AdjustmentNotePage = factusV2Page(FactusV2SupportRow);
export const FactusV2SupportDocumentPage = factusV2Page(FactusV2SupportRow);
