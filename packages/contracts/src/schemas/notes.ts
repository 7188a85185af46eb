import * as z from "zod";
import { codesOf, PAYMENT_METHODS } from "../catalogs/dian";
import { DianStatus } from "./dian-status";
import { DocumentCompany, DocumentCustomer, DocumentLine, Money, Rounding } from "./document-parts";
import {
  BillingPeriod,
  Establishment,
  InvoiceCustomer,
  InvoiceItem,
  PricesIncludeTax,
  ReferenceCode,
} from "./invoice-fields";
import { addIssues, dianRuleViolations, factusRequestIssues } from "./invoice-rules";
import { DocumentNumberParam } from "./path-params";
import { code, integerLike, strict, text } from "./primitives";
import { DocumentCompletion } from "./webhooks";

// What credit and debit notes share in the public API: both correct an invoice named by its number (or stand alone
// with their own customer and billing period), with the invoice's lines and rules; only their concepts differ.

const InvoiceNumber = DocumentNumberParam.shape.number.meta({
  description: "Número de la factura que la nota corrige (p. ej. SETP990000001).",
});

/** The body of a note's create: its concepts, and the words of its OpenAPI page. */
export function noteRequest<Concepts extends readonly { code: string }[]>(
  concepts: Concepts,
  words: { concepts: string; id: string; description: string },
) {
  return strict({
    invoice_number: InvoiceNumber.optional(),
    numbering_range_id: integerLike(1, 2_147_483_647).optional(),
    correction_concept_code: code(codesOf(concepts)).meta({ description: words.concepts }),
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
    .meta({ id: words.id, description: words.description });
}

/** What every kind's create answers beside its number and key: where it stands with DIAN, and its total. */
export const createdFields = {
  prefix: z.string(),
  qr_url: z.string(),
  status: z.enum(["success", "pending"]),
  dian_status: DianStatus,
  dian_notifications: z.array(z.string()),
  message: z.string(),
  reference_code: z.string(),
  total: Money,
  rounding: Rounding.optional(),
};

/** What a note's create answers. */
export const createdNote = (id: string) =>
  z
    .object({
      number: z.string().meta({ examples: ["NC1"] }),
      cude: z.string().meta({ description: "Código Único de Documento Electrónico (SHA-384, 96 hex)." }),
      ...createdFields,
      invoice_number: z
        .string()
        .nullable()
        .meta({ description: "La factura que corrige (null sin factura)." }),
    })
    .meta({ id });

/** A note's detail, its own fields under `key` (`credit_note`, `debit_note`). */
export const noteDetail = <Key extends string>(key: Key, id: string) =>
  z
    .object({
      company: DocumentCompany,
      customer: DocumentCustomer,
      [key]: z.object({
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
          description:
            "Mientras la DIAN no responde: el servicio la reenvía por sí mismo. null en otro caso.",
        }),
      }),
      items: z.array(DocumentLine),
    } as {
      company: typeof DocumentCompany;
      customer: typeof DocumentCustomer;
      items: z.ZodArray<typeof DocumentLine>;
    } & Record<Key, z.ZodObject<NoteFields>>)
    .meta({ id });

type NoteFields = {
  number: z.ZodString;
  prefix: z.ZodString;
  reference_code: z.ZodNullable<z.ZodString>;
  issue_date: z.ZodString;
  cude: z.ZodString;
  subtotal: typeof Money;
  tax_total: typeof Money;
  total: typeof Money;
  dian_status: typeof DianStatus;
  dian_notifications: z.ZodArray<z.ZodString>;
  qr_url: z.ZodNullable<z.ZodString>;
  correction_concept: z.ZodNullable<z.ZodObject<{ code: z.ZodString; name: z.ZodString }>>;
  invoice_number: z.ZodNullable<z.ZodString>;
  completion: z.ZodNullable<typeof DocumentCompletion>;
};
