import * as z from "zod";
import { CREDIT_NOTE_CORRECTION_CONCEPTS, codesOf, PAYMENT_METHODS } from "../catalogs/dian";
import { DianStatus } from "./dian-status";
import {
  CreditNoteRef,
  DocumentCompany,
  DocumentCustomer,
  DocumentLine,
  DocumentListQuery,
  Money,
  Rounding,
} from "./document-parts";
import { Pagination } from "./envelope";
import {
  BillingPeriod,
  Establishment,
  InvoiceCustomer,
  InvoiceItem,
  PricesIncludeTax,
  ReferenceCode,
} from "./invoice-fields";
import { InvoiceSummary } from "./invoice-responses";
import { addIssues, dianRuleViolations, factusRequestIssues } from "./invoice-rules";
import { DocumentNumberParam } from "./path-params";
import { code, integerLike, strict, text } from "./primitives";
import { DocumentCompletion } from "./webhooks";

// The public credit-note API: DIAN's only way to correct or annul a validated invoice (SPEC §6).

const InvoiceNumber = DocumentNumberParam.shape.number.meta({
  description: "Número de la factura que la nota corrige (p. ej. SETP990000001).",
});

/**
 * Body of `POST /api/v1/credit-notes`. With `invoice_number` the note corrects that invoice (customization 20):
 * the gateway resolves it to Factus' `bill_id` and, when `customer` is left out, takes the invoice's. Without it
 * (customization 22) `customer` and `billing_period` are required.
 */
export const CreateCreditNoteRequest = strict({
  invoice_number: InvoiceNumber.optional(),
  numbering_range_id: integerLike(1, 2_147_483_647).optional(),
  correction_concept_code: code(codesOf(CREDIT_NOTE_CORRECTION_CONCEPTS)).meta({
    description:
      "1 devolución parcial, 2 anulación, 3 rebaja o descuento, 4 ajuste de precio, 5 pronto pago, 6 volumen.",
  }),
  reference_code: ReferenceCode,
  observation: text(250).optional(),
  payment_method_code: code(codesOf(PAYMENT_METHODS)).default("10"),
  send_email: z.boolean().optional(),
  establishment: Establishment.optional(),
  billing_period: BillingPeriod.optional(),
  customer: InvoiceCustomer.optional(),
  prices_include_tax: PricesIncludeTax,
  items: z
    .array(InvoiceItem)
    .min(1, { error: "La nota debe tener al menos un ítem" })
    .max(1000, { error: "Máximo 1000 ítems por nota" }),
})
  .superRefine((note, ctx) => {
    const add = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    if (!note.invoice_number) {
      if (!note.customer)
        add(["customer"], "Obligatorio cuando la nota no corrige una factura (sin invoice_number)");
      if (!note.billing_period)
        add(["billing_period"], "Obligatorio cuando la nota no corrige una factura (sin invoice_number)");
    }
    if (note.customer) {
      const document = { ...note, customer: note.customer };
      addIssues(ctx, factusRequestIssues(document));
      addIssues(ctx, dianRuleViolations(document));
    }
  })
  .meta({ id: "CreateCreditNoteRequest", description: "Nota crédito a crear y validar ante la DIAN." });
export type CreateCreditNoteRequest = z.output<typeof CreateCreditNoteRequest>;
export type CreateCreditNoteRequestInput = z.input<typeof CreateCreditNoteRequest>;

/** Body of `POST /api/v1/invoices/{number}/annul`: everything else comes from the invoice itself. */
export const AnnulInvoiceRequest = strict({
  reason: text(250).optional().meta({ description: "Motivo, en la observación de la nota." }),
  reference_code: ReferenceCode.optional().meta({
    description: "Código de referencia de la nota; por defecto ANUL-<número de la factura>.",
  }),
}).meta({ id: "AnnulInvoiceRequest" });
export type AnnulInvoiceRequest = z.output<typeof AnnulInvoiceRequest>;

export const CreatedCreditNote = z
  .object({
    number: z.string().meta({ examples: ["NC1"] }),
    prefix: z.string(),
    cude: z.string().meta({ description: "Código Único de Documento Electrónico (SHA-384, 96 hex)." }),
    qr_url: z.string(),
    status: z.enum(["success", "pending"]),
    dian_status: DianStatus,
    dian_notifications: z.array(z.string()),
    message: z.string(),
    reference_code: z.string(),
    total: Money,
    invoice_number: z.string().nullable().meta({ description: "La factura que corrige (null sin factura)." }),
    rounding: Rounding.optional(),
  })
  .meta({ id: "CreatedCreditNote" });
export type CreatedCreditNote = z.infer<typeof CreatedCreditNote>;

export const CreditNoteDetail = z
  .object({
    company: DocumentCompany,
    customer: DocumentCustomer,
    credit_note: z.object({
      number: z.string(),
      prefix: z.string(),
      reference_code: z.string().nullable(),
      issue_date: z.string(),
      cude: z.string(),
      subtotal: Money,
      tax_total: Money,
      total: Money,
      dian_status: DianStatus,
      dian_notifications: z.array(z.string()),
      qr_url: z.string().nullable(),
      correction_concept: z.object({ code: z.string(), name: z.string() }).nullable(),
      invoice_number: z.string().nullable(),
      completion: DocumentCompletion.nullable().meta({
        description: "Mientras la DIAN no responde: el servicio la reenvía por sí mismo. null en otro caso.",
      }),
    }),
    items: z.array(DocumentLine),
  })
  .meta({ id: "CreditNoteDetail" });
export type CreditNoteDetail = z.infer<typeof CreditNoteDetail>;

/** A row of the credit-note list: an invoice row's fields, without the e-mail, legacy status and notes. */
export const CreditNoteSummary = InvoiceSummary.omit({ email: true, status: true, credit_notes: true }).meta({
  id: "CreditNoteSummary",
});
export type CreditNoteSummary = z.infer<typeof CreditNoteSummary>;

export const CreditNoteList = z
  .object({ items: z.array(CreditNoteSummary), pagination: Pagination })
  .meta({ id: "CreditNoteList" });
export type CreditNoteList = z.infer<typeof CreditNoteList>;

export const CreditNoteListQuery = DocumentListQuery.meta({ id: "CreditNoteListQuery" });

export { CreditNoteRef };
