import * as z from "zod";
import { codesOf, PAYMENT_METHODS } from "../catalogs/dian";
import { V2_ADJUSTMENT_NOTE_CORRECTIONS } from "../factus-v2/reference-tables.data";
import { ReferenceCode, StandardCodeId, WithholdingTax } from "../schemas/invoice-fields";
import { code, decimal2, flag, integerLike, percentage, strict, text } from "../schemas/primitives";
import { FactusBillItem, FactusCompany } from "./bills";
import {
  FactusCodeName,
  FactusCodeText,
  FactusFlag,
  FactusMoney,
  FactusNotifications,
  factusEnvelope,
  factusPage,
} from "./common";

// Factus v1's support documents (purchases from sellers who do not invoice: the company is the buyer, the seller
// its `provider`) and their adjustment notes [documentos-soporte/*, notas-ajuste-documentos-soporte/*].
//
// The support document follows its published request and answer. The adjustment note's v1 page publishes the v2
// shape (`support_document_number`, `payment_details`…) in its example; its field table and both v1 SDKs name the
// support document by its Factus id (`support_document_id`, as v1 credit notes take `bill_id`), so that is what these
// schemas take, with the support document's own v1 provider and items.

/**
 * The Factus ids of the identity documents a provider may have: the v2 table's codes (21 TE, 22 CE, 31 NIT,
 * 41 passport, 42 foreign id, 47 PEP, 50 foreign NIT) as v1 ids (4, 5, 6, 7, 8, 9, 10). The CC (3) of a resident
 * natural person is not in DIAN's list for a support document's seller; the v1 docs publish none of their own.
 */
export const SUPPORT_DOCUMENT_IDENTITY_DOCUMENT_IDS = [4, 5, 6, 7, 8, 9, 10] as const;

/** `provider`, as the v1 support document example sends it (Factus ids, `is_resident`, `country_code`). */
export const FactusSupportProvider = strict({
  identification_document_id: integerLike(1, 11).refine(
    (id) => (SUPPORT_DOCUMENT_IDENTITY_DOCUMENT_IDS as readonly number[]).includes(id),
    { error: `Debe ser uno de: ${SUPPORT_DOCUMENT_IDENTITY_DOCUMENT_IDS.join(", ")}` },
  ),
  identification: text(20, 1),
  dv: z
    .preprocess(
      (value) =>
        value === "" || value === null ? undefined : typeof value === "number" ? String(value) : value,
      z.string().regex(/^\d$/, { error: "Debe ser un dígito 0–9" }).optional(),
    )
    .meta({ description: "Dígito de verificación del NIT (6)." }),
  trade_name: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    text(450).optional(),
  ),
  names: text(450, 1),
  address: text(250, 1),
  email: z.preprocess((value) => (value === "" || value === null ? undefined : value), text(250).optional()),
  phone: z.preprocess((value) => (value === "" || value === null ? undefined : value), text(50).optional()),
  is_resident: flag().meta({ description: "1 residente en Colombia, 0 no residente." }),
  country_code: z.string().regex(/^[A-Z]{2}$/, { error: "Código de país ISO de 2 letras" }),
  municipality_id: integerLike(1, 99_999).optional().meta({ description: "Obligatorio para residentes." }),
});
export type FactusSupportProvider = z.output<typeof FactusSupportProvider>;

/**
 * An item of a v1 support document: no tax fields (the published answer shows every item `is_excluded` 1 with
 * `tax_rate` 0.00), a price that is therefore both net and tax-inclusive, and the withholdings the buyer applies
 * (05 ReteIVA, 06 ReteRenta, 07 ReteICA), which lower what is paid, never the total.
 */
export const FactusSupportItem = strict({
  code_reference: text(100, 1),
  name: text(300, 1),
  quantity: integerLike(1, 1_000_000),
  discount_rate: percentage().default(0),
  price: decimal2(0, 10_000_000_000, { exclusiveMin: true }),
  unit_measure_id: integerLike(1, 100_000),
  standard_code_id: StandardCodeId,
  note: text(250).optional(),
  withholding_taxes: z.array(WithholdingTax).max(10).optional(),
});
export type FactusSupportItem = z.output<typeof FactusSupportItem>;

const supportHead = {
  reference_code: ReferenceCode,
  numbering_range_id: integerLike(1, 2_147_483_647).optional(),
  payment_method_code: code(codesOf(PAYMENT_METHODS)).default("10"),
  observation: z.preprocess(
    (value) => (value === null || value === "" ? undefined : value),
    text(250).optional(),
  ),
  provider: FactusSupportProvider,
  items: z.array(FactusSupportItem).min(1).max(1000),
};

/** `POST /v1/support-documents/validate` (documentos-soporte/crear-validar). */
export const FactusSupportDocumentRequest = strict(supportHead).meta({ id: "FactusSupportDocumentRequest" });
export type FactusSupportDocumentRequest = z.output<typeof FactusSupportDocumentRequest>;
export type FactusSupportDocumentRequestInput = z.input<typeof FactusSupportDocumentRequest>;

/** `POST /v1/adjustment-notes/validate`: corrects a validated support document, named by its Factus id. */
export const FactusAdjustmentNoteRequest = strict({
  ...supportHead,
  support_document_id: integerLike(1, 2_147_483_647),
  correction_concept_code: code(codesOf(V2_ADJUSTMENT_NOTE_CORRECTIONS)).meta({
    description: "1 devolución parcial, 2 anulación, 3 rebaja o descuento, 4 ajuste de precio, 5 otros.",
  }),
}).meta({ id: "FactusAdjustmentNoteRequest" });
export type FactusAdjustmentNoteRequest = z.output<typeof FactusAdjustmentNoteRequest>;
export type FactusAdjustmentNoteRequestInput = z.input<typeof FactusAdjustmentNoteRequest>;

/** `provider` as answered: the party with Factus' `{ id, code, name }` objects. */
export const FactusSupportProviderAnswer = z.looseObject({
  identification: FactusCodeText,
  dv: FactusCodeText.nullable().optional(),
  graphic_representation_name: z.string().nullable().optional(),
  trade_name: z.string().nullable().optional(),
  names: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  identification_document: FactusCodeName.nullable().optional(),
  country: FactusCodeName.nullable().optional(),
  municipality: FactusCodeName.nullable().optional(),
});

/** A withholding: per item with its `rates`, per document without. */
export const FactusWithholding = z.looseObject({
  tribute_code: FactusCodeText,
  name: z.string(),
  value: FactusMoney,
});

/** An item as answered: a bill item's figures plus its withholdings. */
export const FactusSupportItemAnswer = FactusBillItem.extend({
  withholding_taxes: z.array(FactusWithholding).optional(),
});

/** A document that references another (`adjustment_notes` of a support document). */
const DocumentRefs = z
  .array(z.looseObject({ id: z.number(), number: z.string() }))
  .nullable()
  .optional()
  .transform((refs) => (refs ?? []).map(({ id, number }) => ({ id, number })));

const supportRecord = {
  id: z.number(),
  number: z.string(),
  reference_code: z.string().nullable(),
  status: FactusFlag,
  qr: z.string().nullable(),
  cuds: z.string().nullable(),
  validated: z.string().nullable().optional(),
  gross_value: FactusMoney,
  taxable_amount: FactusMoney,
  tax_amount: FactusMoney,
  total: FactusMoney,
  observation: z.string().nullable().optional(),
  errors: FactusNotifications,
  created_at: z.string(),
  qr_image: z.string().nullable().optional(),
  payment_method: FactusCodeName.nullable().optional(),
};

const supportAnswer = {
  company: FactusCompany,
  provider: FactusSupportProviderAnswer,
  items: z.array(FactusSupportItemAnswer),
  withholding_taxes: z.array(FactusWithholding).optional(),
  numbering_range: z.looseObject({ prefix: z.string() }).nullable().optional(),
};

/** `data` of a support document create and show (published). */
export const FactusSupportDocument = z.looseObject({
  ...supportAnswer,
  support_document: z.looseObject(supportRecord),
  adjustment_notes: DocumentRefs,
});
export type FactusSupportDocument = z.infer<typeof FactusSupportDocument>;
export const FactusSupportDocumentResponse = factusEnvelope(FactusSupportDocument);

/**
 * `data` of an adjustment note create and show. The v1 page publishes a v2 answer; this is the support document's
 * v1 answer with `adjustment_note` for `support_document`, and the document it corrects named as a credit note names
 * its bill (`support_document_id`, `support_document_number`), plus `correction_concept`.
 */
export const FactusAdjustmentNote = z.looseObject({
  ...supportAnswer,
  adjustment_note: z.looseObject({
    ...supportRecord,
    support_document_id: z.number().nullable(),
    support_document_number: z.string().nullable(),
    correction_concept: FactusCodeName,
  }),
});
export type FactusAdjustmentNote = z.infer<typeof FactusAdjustmentNote>;
export const FactusAdjustmentNoteResponse = factusEnvelope(FactusAdjustmentNote);

/** A row of `GET /v1/support-documents` (published); adjustment-note rows are assumed alike. */
export const FactusSupportDocumentSummary = z.looseObject({
  id: z.number(),
  number: z.string(),
  api_client_name: z.string().nullable().optional(),
  reference_code: z.string().nullable(),
  identification: FactusCodeText,
  graphic_representation_name: z.string().nullable(),
  trade_name: z.string().nullable().optional(),
  names: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  total: FactusMoney,
  status: FactusFlag,
  errors: FactusNotifications,
  created_at: z.string(),
  adjustment_notes: DocumentRefs,
});
export type FactusSupportDocumentSummary = z.infer<typeof FactusSupportDocumentSummary>;
export const FactusSupportDocumentPage = factusPage(FactusSupportDocumentSummary);

/** A row of `GET /v1/adjustment-notes`: a support document row naming the document it corrects. */
export const FactusAdjustmentNoteSummary = FactusSupportDocumentSummary.omit({
  adjustment_notes: true,
}).extend({
  support_document_number: z.string().nullable().optional(),
});
export type FactusAdjustmentNoteSummary = z.infer<typeof FactusAdjustmentNoteSummary>;
export const FactusAdjustmentNotePage = factusPage(FactusAdjustmentNoteSummary);
