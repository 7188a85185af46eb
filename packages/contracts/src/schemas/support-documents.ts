import * as z from "zod";
import { codesOf, PAYMENT_METHODS } from "../catalogs/dian";
import { SUPPORT_DOCUMENT_IDENTITY_DOCUMENT_IDS } from "../factus/support-documents";
import { V2_ADJUSTMENT_NOTE_CORRECTIONS } from "../factus-v2/reference-tables.data";
import { nitCheckDigit } from "../nit";
import { CreditNoteSummary } from "./credit-notes";
import { DianStatus } from "./dian-status";
import {
  CreditNoteRef,
  DocumentCompany,
  DocumentCustomer,
  DocumentLine,
  DocumentListQuery,
  Money,
} from "./document-parts";
import { Pagination } from "./envelope";
import { InvoiceItem, MunicipalityId, PricesIncludeTax, ReferenceCode } from "./invoice-fields";
import type { PreflightIssue } from "./invoice-rules";
import { createdFields } from "./notes";
import { DocumentNumberParam } from "./path-params";
import { code, flag, integerLike, percentage, strict, text } from "./primitives";
import { DocumentCompletion } from "./webhooks";

// The public support-document API: what a company issues to deduct a purchase from a seller who does not invoice (a
// farmer, a freelancer). The company is the buyer; the seller is its `provider`. Adjustment notes correct one.

/** NIT among Factus' identity document ids. */
const NIT = 6;

const optionalText = (max: number) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), text(max).optional());

/** The seller, with Factus' ids as the invoice's customer has them. */
export const SupportDocumentProvider = strict({
  identification_document_id: integerLike(1, 11)
    .refine((id) => (SUPPORT_DOCUMENT_IDENTITY_DOCUMENT_IDS as readonly number[]).includes(id), {
      error:
        `Un documento soporte admite como proveedor: ${SUPPORT_DOCUMENT_IDENTITY_DOCUMENT_IDS.join(", ")} ` +
        "(TE, CE, NIT, pasaporte, documento extranjero, PEP, NIT de otro país)",
    })
    .meta({
      description: "4 TE, 5 CE, 6 NIT, 7 pasaporte, 8 documento extranjero, 9 PEP, 10 NIT de otro país.",
    }),
  identification: text(20, 1),
  dv: z
    .preprocess(
      (value) => (typeof value === "number" ? String(value) : value),
      z.string().regex(/^\d$/).optional(),
    )
    .meta({ description: "Dígito de verificación: obligatorio con NIT (6)." }),
  names: text(450, 1).meta({ description: "Nombre o razón social del proveedor." }),
  trade_name: optionalText(450),
  address: text(250, 1),
  email: optionalText(250),
  phone: optionalText(50),
  is_resident: flag()
    .default(1)
    .meta({ description: "1 residente en Colombia (por defecto), 0 no residente." }),
  country_code: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: "Código de país ISO de 2 letras" })
    .default("CO"),
  municipality_id: MunicipalityId.optional().meta({
    description: "Id de Factus o código DANE (5 dígitos): obligatorio para un proveedor residente.",
  }),
}).meta({ id: "SupportDocumentProvider" });
export type SupportDocumentProvider = z.output<typeof SupportDocumentProvider>;

/**
 * A purchased line: an invoice line's fields, with IVA as the only tax (`tax_rate`, 0 = excluded, as Factus v1 issues
 * every support document line) and the withholdings the company applies as buyer.
 */
export const SupportDocumentItem = InvoiceItem.pick({
  code_reference: true,
  name: true,
  quantity: true,
  price: true,
  discount_rate: true,
  unit_measure_id: true,
  standard_code_id: true,
  note: true,
  withholding_taxes: true,
})
  .extend({
    tax_rate: percentage()
      .default(0)
      .meta({ description: "IVA del ítem (0 = excluido, por defecto). Factus v1 solo admite 0." }),
  })
  .meta({ id: "SupportDocumentItem", description: "Línea del documento soporte." });
export type SupportDocumentItem = z.output<typeof SupportDocumentItem>;

const supportFields = {
  reference_code: ReferenceCode,
  numbering_range_id: integerLike(1, 2_147_483_647).optional(),
  payment_method_code: code(codesOf(PAYMENT_METHODS)).default("10"),
  observation: optionalText(250),
  prices_include_tax: PricesIncludeTax,
  provider: SupportDocumentProvider,
  items: z
    .array(SupportDocumentItem)
    .min(1, { error: "Debe tener al menos un ítem" })
    .max(1000, { error: "Máximo 1000 ítems" }),
};

/**
 * The DIAN rules a support document can break before it burns a number: the provider's NIT check digit, where a
 * resident and a foreign provider are, and withholdings named once per line.
 */
export function supportDocumentRuleViolations(document: {
  provider: SupportDocumentProvider;
  items: readonly SupportDocumentItem[];
}): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const { provider } = document;
  if (provider.identification_document_id === NIT) {
    const expected = /^\d{1,15}$/.test(provider.identification)
      ? String(nitCheckDigit(provider.identification))
      : undefined;
    if (expected === undefined)
      issues.push({
        path: ["provider", "identification"],
        message: "Un NIT solo lleva dígitos (sin DV ni guion)",
      });
    else if (provider.dv !== expected)
      issues.push({
        path: ["provider", "dv"],
        message:
          provider.dv === undefined
            ? `Obligatorio para NIT: el dígito de verificación de ${provider.identification} es ${expected}`
            : `Dígito de verificación incorrecto para el NIT ${provider.identification}: es ${expected}, no ${provider.dv}`,
      });
  }
  if (provider.is_resident === 1) {
    if (provider.country_code !== "CO")
      issues.push({
        path: ["provider", "country_code"],
        message: "Un proveedor residente en Colombia es de CO",
      });
    if (provider.municipality_id === undefined)
      issues.push({
        path: ["provider", "municipality_id"],
        message: "Obligatorio para un proveedor residente",
      });
  } else if (provider.country_code === "CO") {
    issues.push({ path: ["provider", "country_code"], message: "Un proveedor no residente no es de CO" });
  }
  document.items.forEach((item, index) => {
    const codes = (item.withholding_taxes ?? []).map((tax) => tax.code);
    if (new Set(codes).size !== codes.length)
      issues.push({
        path: ["items", index, "withholding_taxes"],
        message: "Cada retención una sola vez por ítem",
      });
  });
  return issues;
}

const withRules = <Shape extends z.ZodRawShape>(shape: Shape) =>
  strict(shape).superRefine((document, ctx) => {
    for (const issue of supportDocumentRuleViolations(
      document as unknown as { provider: SupportDocumentProvider; items: SupportDocumentItem[] },
    ))
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

/** Body of `POST /api/v1/support-documents`. */
export const CreateSupportDocumentRequest = withRules(supportFields).meta({
  id: "CreateSupportDocumentRequest",
  description: "Documento soporte a crear y validar ante la DIAN: una compra a quien no factura.",
});
export type CreateSupportDocumentRequest = z.output<typeof CreateSupportDocumentRequest>;
export type CreateSupportDocumentRequestInput = z.input<typeof CreateSupportDocumentRequest>;

/** Body of `POST /api/v1/adjustment-notes`: corrects a validated support document, named by its number. */
export const CreateAdjustmentNoteRequest = withRules({
  ...supportFields,
  support_document_number: DocumentNumberParam.shape.number.meta({
    description: "Número del documento soporte que la nota corrige (p. ej. SEDS984000001).",
  }),
  correction_concept_code: code(codesOf(V2_ADJUSTMENT_NOTE_CORRECTIONS)).meta({
    description: "1 devolución parcial, 2 anulación, 3 rebaja o descuento, 4 ajuste de precio, 5 otros.",
  }),
}).meta({
  id: "CreateAdjustmentNoteRequest",
  description: "Nota de ajuste a crear y validar ante la DIAN: corrige un documento soporte validado.",
});
export type CreateAdjustmentNoteRequest = z.output<typeof CreateAdjustmentNoteRequest>;

const created = {
  number: z.string().meta({ examples: ["SEDS984000001"] }),
  cuds: z.string().meta({ description: "Código Único del Documento Soporte (SHA-384, 96 hex)." }),
  ...createdFields,
  withholding_total: Money.meta({
    description: "Retenciones del comprador: no restan del total, sí de lo pagado.",
  }),
};

export const CreatedSupportDocument = z.object(created).meta({ id: "CreatedSupportDocument" });
export type CreatedSupportDocument = z.infer<typeof CreatedSupportDocument>;

export const CreatedAdjustmentNote = z
  .object({ ...created, support_document_number: z.string().nullable() })
  .meta({ id: "CreatedAdjustmentNote" });
export type CreatedAdjustmentNote = z.infer<typeof CreatedAdjustmentNote>;

const record = {
  number: z.string(),
  prefix: z.string(),
  reference_code: z.string().nullable(),
  issue_date: z.string(),
  cuds: z.string(),
  subtotal: Money,
  tax_total: Money,
  withholding_total: Money,
  total: Money,
  dian_status: DianStatus,
  dian_notifications: z.array(z.string()),
  qr_url: z.string().nullable(),
  completion: DocumentCompletion.nullable().meta({
    description: "Mientras la DIAN no responde: el servicio lo reenvía por sí mismo. null en otro caso.",
  }),
};

export const SupportDocumentDetail = z
  .object({
    company: DocumentCompany.meta({ description: "La empresa: quien compra." }),
    provider: DocumentCustomer.meta({ description: "Quien vende." }),
    support_document: z.object(record),
    adjustment_notes: z.array(CreditNoteRef).nullable().meta({
      description: "Notas de ajuste que lo corrigen; null si la respuesta de Factus no las nombra.",
    }),
    items: z.array(DocumentLine),
  })
  .meta({ id: "SupportDocumentDetail" });
export type SupportDocumentDetail = z.infer<typeof SupportDocumentDetail>;

export const AdjustmentNoteDetail = z
  .object({
    company: DocumentCompany,
    provider: DocumentCustomer,
    adjustment_note: z.object({
      ...record,
      correction_concept: z.object({ code: z.string(), name: z.string() }).nullable(),
      support_document_number: z.string().nullable(),
    }),
    items: z.array(DocumentLine),
  })
  .meta({ id: "AdjustmentNoteDetail" });
export type AdjustmentNoteDetail = z.infer<typeof AdjustmentNoteDetail>;

/** A row of their lists: the provider in the customer's fields. */
export const SupportDocumentSummary = CreditNoteSummary.meta({ id: "SupportDocumentSummary" });
export const SupportDocumentList = z
  .object({ items: z.array(SupportDocumentSummary), pagination: Pagination })
  .meta({ id: "SupportDocumentList" });
export const SupportDocumentListQuery = DocumentListQuery.meta({ id: "SupportDocumentListQuery" });
export const AdjustmentNoteList = z
  .object({ items: z.array(SupportDocumentSummary), pagination: Pagination })
  .meta({ id: "AdjustmentNoteList" });
export const AdjustmentNoteListQuery = DocumentListQuery.meta({ id: "AdjustmentNoteListQuery" });
