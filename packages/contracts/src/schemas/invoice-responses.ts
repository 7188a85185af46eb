import * as z from "zod";
import { IDENTITY_DOCUMENTS, RADIAN_EVENTS } from "../catalogs/dian";
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
import { ReferenceCode } from "./invoice-fields";
import { DocumentCompletion } from "./webhooks";

export const CreatedInvoice = z
  .object({
    number: z.string().meta({ examples: ["SETP990000001"] }),
    prefix: z.string().meta({ examples: ["SETP"] }),
    cufe: z.string().meta({ description: "Código Único de Factura Electrónica (SHA-384, 96 hex)." }),
    qr_url: z.string().meta({ description: "URL de consulta del documento en la DIAN." }),
    status: z.enum(["success", "pending"]).meta({
      description:
        '"success" (201): validada por la DIAN. "pending" (202): numerada y guardada, la DIAN aún no responde.',
    }),
    dian_status: DianStatus,
    dian_notifications: z
      .array(z.string())
      .meta({ description: "Notificaciones de la DIAN (no invalidan el documento), p. ej. FAJ43b." }),
    message: z
      .string()
      .meta({ description: "Qué pasó con el documento y, si está pendiente, cómo terminarlo." }),
    reference_code: z.string(),
    total: Money,
    rounding: Rounding.optional(),
  })
  .meta({ id: "CreatedInvoice" });
export type CreatedInvoice = z.infer<typeof CreatedInvoice>;

export const InvoiceDetail = z
  .object({
    status: z.literal("success"),
    message: z.string(),
    data: z.object({
      company: DocumentCompany,
      customer: DocumentCustomer,
      bill: z.object({
        number: z.string(),
        prefix: z.string(),
        reference_code: z.string().nullable(),
        issue_date: z.string().meta({ description: "Fecha de creación YYYY-MM-DD." }),
        cufe: z.string(),
        subtotal: Money.meta({ description: "Base gravable antes de impuestos (gross_value de Factus)." }),
        tax_total: Money,
        total: Money,
        discount_total: Money.meta({ description: "Descuentos a nivel de factura." }),
        surcharge_total: Money.meta({ description: "Recargos a nivel de factura." }),
        status: DianStatus.meta({ description: "Igual a dian_status (se conserva por compatibilidad)." }),
        dian_status: DianStatus,
        qr_url: z.string().nullable(),
        validated_at: z
          .string()
          .nullable()
          .meta({ description: "Fecha y hora de validación DIAN, ISO 8601." }),
        dian_notifications: z.array(z.string()),
        completion: DocumentCompletion.nullable().meta({
          description:
            "Mientras la DIAN no responde: el servicio la reenvía por sí mismo (intentos, próximo intento). null en otro caso.",
        }),
      }),
      credit_notes: z
        .array(CreditNoteRef)
        .nullable()
        .meta({
          description:
            "Notas crédito que corrigen la factura (la única corrección legal); null si la respuesta de Factus (v2) no " +
            "las nombra.",
        }),
      debit_notes: z
        .array(CreditNoteRef)
        .nullable()
        .meta({
          description:
            "Notas débito que aumentan lo cobrado (solo en Factus v2: [] en una cuenta v1); null si la respuesta de " +
            "Factus no las nombra.",
        }),
      items: z.array(DocumentLine),
    }),
  })
  .meta({ id: "InvoiceDetail" });
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

/** `POST /api/v1/invoices/preview`: the document the caller's Factus account will issue, computed, nothing sent. */
export const InvoicePreview = z
  .object({
    factus_api_version: z.enum(["v1", "v2"]).meta({
      description: "La versión de la API de Factus de la cuenta de la empresa, que calculará el documento.",
    }),
    bill: z.object({
      subtotal: Money,
      tax_total: Money,
      total: Money,
      discount_total: Money.meta({ description: "Descuentos a nivel de factura." }),
      surcharge_total: Money.meta({ description: "Recargos a nivel de factura." }),
    }),
    items: z.array(DocumentLine).meta({
      description:
        "Las líneas como las llevará el documento: el precio que se envía a Factus (con impuestos en v1, neto en v2).",
    }),
    rounding: Rounding.optional(),
  })
  .meta({ id: "InvoicePreview" });
export type InvoicePreview = z.infer<typeof InvoicePreview>;

export const InvoiceSummary = z
  .object({
    number: z.string(),
    reference_code: z.string().nullable(),
    identification: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    total: Money,
    status: DianStatus.meta({ description: "Igual a dian_status (se conserva por compatibilidad)." }),
    dian_status: DianStatus,
    dian_notifications: z.array(z.string()),
    credit_notes: z.array(CreditNoteRef).nullable().meta({
      description:
        "Notas crédito de la factura; null en una cuenta Factus v2, cuyas listas no las nombran (el detalle sí).",
    }),
    created_at: z.string().meta({ description: "ISO 8601, hora de Colombia (-05:00)." }),
    completion: DocumentCompletion.nullable().meta({
      description:
        "Mientras la DIAN no responde: el servicio la reenvía por sí mismo (intentos, próximo intento). null en otro caso.",
    }),
  })
  .meta({ id: "InvoiceSummary" });
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const InvoiceList = z
  .object({ items: z.array(InvoiceSummary), pagination: Pagination })
  .meta({ id: "InvoiceList" });
export type InvoiceList = z.infer<typeof InvoiceList>;

/** Factus v1 lists 10 rows per page, whatever the caller wants. */
export const FACTUS_PAGE_SIZE = 10;
/** The largest `per_page` the public list honours: 50 rows cost at most 6 Factus pages. */
export const MAX_PER_PAGE = 50;

export const InvoiceListQuery = DocumentListQuery.extend({
  per_page: z
    .string()
    .regex(/^\d{1,2}$/, { error: "Debe ser un número de 1 a 50" })
    .optional()
    .transform((perPage) => (perPage ? Number(perPage) : FACTUS_PAGE_SIZE))
    .refine((perPage) => perPage >= 1 && perPage <= MAX_PER_PAGE, { error: "Debe ser un número de 1 a 50" })
    .meta({
      description:
        "Facturas por página, 1 a 50 (10 por defecto). Factus v1 pagina siempre de a 10: el servicio junta las " +
        "páginas de Factus que cubren la pedida (hasta 6 llamadas para 50).",
    }),
}).meta({ id: "InvoiceListQuery" });

export type InvoiceListQuery = z.output<typeof InvoiceListQuery>;

export const DocumentFile = z
  .object({
    file_name: z.string(),
    file_content: z.string().meta({ description: "Contenido en base64." }),
    extension: z.enum(["pdf", "xml"]),
  })
  .meta({ id: "DocumentFile" });
export type DocumentFile = z.infer<typeof DocumentFile>;

export const DocumentEmailContent = z
  .object({
    subject: z.string().meta({
      description: "El asunto que la DIAN exige: NIT;emisor;número;tipo de documento (01, 91, 92);emisor.",
    }),
    file_name: z.string(),
    file_content: z.string().meta({
      description:
        "El ZIP para adjuntar al correo del adquiriente (el AttachedDocument XML, y el PDF si Factus lo incluye), en base64.",
    }),
    extension: z.literal("zip"),
  })
  .meta({ id: "DocumentEmailContent" });
export type DocumentEmailContent = z.infer<typeof DocumentEmailContent>;

export const RadianEvent = z
  .object({
    number: z.string(),
    cude: z.string(),
    event_code: z.enum(RADIAN_EVENTS.map((event) => event.code) as ["030", ...string[]]),
    event_name: z.string(),
    effective_date: z.string(),
    effective_time: z.string(),
  })
  .meta({ id: "RadianEvent" });
export type RadianEvent = z.infer<typeof RadianEvent>;

export const SendInvoiceEmailRequest = z
  .strictObject({
    email: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email({ error: "Debe ser un correo válido" })),
    pdf_base_64_encoded: z
      .string()
      .max(10_000_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "Debe ser base64" })
      .optional(),
  })
  .meta({ id: "SendInvoiceEmailRequest" });
export type SendInvoiceEmailRequest = z.infer<typeof SendInvoiceEmailRequest>;

const personText = (max: number) => z.string().trim().min(1, { error: "Obligatorio" }).max(max);

/**
 * Who emits a tacit acceptance (RADIAN 034) on the issuer's behalf: DIAN records the person, as Factus' example
 * (facturas/aceptacion-tacita) sends it.
 */
export const TacitAcceptanceRequest = z
  .strictObject({
    identification_document_code: z
      .enum(IDENTITY_DOCUMENTS.map((document) => document.code) as ["11", ...string[]], {
        error: `Un código DIAN de documento de identidad: ${IDENTITY_DOCUMENTS.map((d) => `${d.code} ${d.name}`).join(", ")}`,
      })
      .default("13"),
    identification: personText(20).regex(/^[\dA-Za-z-]+$/, { error: "Solo dígitos, letras y guiones" }),
    dv: z.string().regex(/^\d$/, { error: "Un dígito" }).optional(),
    first_name: personText(120),
    last_name: personText(120),
    job_title: personText(120).optional(),
    organization_department: personText(120).optional(),
  })
  .meta({ id: "TacitAcceptanceRequest" });
export type TacitAcceptanceRequest = z.infer<typeof TacitAcceptanceRequest>;

export const InvoiceEmailSent = z
  .object({ number: z.string(), email: z.string() })
  .meta({ id: "InvoiceEmailSent" });
export const InvoiceDeleted = z.object({ reference_code: ReferenceCode }).meta({ id: "InvoiceDeleted" });
