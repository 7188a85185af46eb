import * as z from "zod";
import { CREDIT_NOTE_CORRECTION_CONCEPTS, codesOf, PAYMENT_METHODS } from "../catalogs/dian";
import {
  AllowanceCharge,
  BillingPeriod,
  Establishment,
  InvoiceCustomer,
  InvoiceItem,
  ReferenceCode,
} from "../schemas/invoice-fields";
import { code, integerLike, strict, text } from "../schemas/primitives";
import { FactusBillCustomer, FactusBillItem, FactusBillSummary, FactusCompany } from "./bills";
import {
  FactusCodeName,
  FactusFlag,
  FactusMoney,
  FactusNotifications,
  factusEnvelope,
  factusPage,
} from "./common";

/** `POST /v1/credit-notes/validate`: a credit note that references a validated bill. */
export const FactusCreditNoteRequest = strict({
  numbering_range_id: integerLike(1, 2_147_483_647).optional(),
  correction_concept_code: code(codesOf(CREDIT_NOTE_CORRECTION_CONCEPTS)),
  customization_id: code(["20", "22"]).meta({ description: "20 referencia una factura; 22 sin referencia." }),
  bill_id: integerLike(1, 2_147_483_647).optional(),
  reference_code: ReferenceCode,
  observation: text(250).optional(),
  payment_method_code: code(codesOf(PAYMENT_METHODS)).default("10"),
  send_email: z.boolean().optional(),
  establishment: Establishment.optional(),
  billing_period: BillingPeriod.optional().meta({
    description: "Obligatorio con customization_id 22 (sin factura).",
  }),
  allowance_charges: z.array(AllowanceCharge).max(50).optional(),
  customer: InvoiceCustomer,
  items: z.array(InvoiceItem).min(1).max(1000),
}).meta({ id: "FactusCreditNoteRequest" });
export type FactusCreditNoteRequest = z.output<typeof FactusCreditNoteRequest>;
export type FactusCreditNoteRequestInput = z.input<typeof FactusCreditNoteRequest>;

export const FactusCreditNote = z.looseObject({
  company: FactusCompany,
  customer: FactusBillCustomer,
  credit_note: z.looseObject({
    id: z.number(),
    number: z.string(),
    reference_code: z.string().nullable(),
    status: FactusFlag,
    cude: z.string().nullable(),
    qr: z.string().nullable(),
    gross_value: FactusMoney,
    tax_amount: FactusMoney,
    total: FactusMoney,
    errors: FactusNotifications,
    created_at: z.string(),
    bill_id: z.number().nullable().optional(),
    number_bill: z.string().nullable().optional(),
    correction_concept: FactusCodeName.nullable().optional(),
  }),
  items: z.array(FactusBillItem),
});
export type FactusCreditNote = z.infer<typeof FactusCreditNote>;
export const FactusCreditNoteResponse = factusEnvelope(FactusCreditNote);

/** A row of `GET /v1/credit-notes`: a bill row's fields, without the customer's e-mail and split names. */
export const FactusCreditNoteSummary = FactusBillSummary.omit({ company: true, names: true, email: true });
export const FactusCreditNotePage = factusPage(FactusCreditNoteSummary);
