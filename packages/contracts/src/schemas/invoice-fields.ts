import * as z from "zod";
import {
  ALLOWANCE_CONCEPTS,
  BILL_DOCUMENT_TYPES,
  codesOf,
  OPERATION_TYPES,
  PAYMENT_FORMS,
  PAYMENT_METHODS,
} from "../catalogs/dian";
import { resolveMunicipality } from "../catalogs/municipality-ids";
import {
  booleanLike,
  code,
  decimal2,
  flag,
  integerLike,
  isoDate,
  percentage,
  strict,
  text,
  timeOfDay,
} from "./primitives";

// Normalizers for DIAN codes a caller may send instead of Factus ids (SPEC §2). Each maps only values whose
// meaning is unambiguous, and says what it accepts when it cannot map.

/** Factus municipality id (1–1122) or five-digit DANE code (≥ 5001) → Factus id. */
export const MunicipalityId = z
  .union([z.int(), z.string()], { error: "Debe ser un id de municipio o un código DANE" })
  .transform((value, ctx) => {
    const result = resolveMunicipality(value);
    if (result.ok) return result.id;
    ctx.issues.push({ code: "custom", message: result.message, input: value });
    return z.NEVER;
  })
  .meta({
    description:
      "Id de municipio de Factus (1–1122) o código DANE de 5 dígitos (p. ej. 11001), que se traduce al id.",
    examples: [980, 11001],
  });

const CUSTOMER_TRIBUTE_ALIASES: Record<string, 18 | 21> = { "18": 18, "21": 21, "1": 18, "01": 18, ZZ: 21 };
/** Customer tribute: Factus 18 (IVA) / 21 (no aplica), or DIAN's "01" / 1 / "ZZ". */
export const CustomerTributeId = z
  .union([z.int(), z.string()], { error: "Debe ser 18 (IVA) o 21 (no aplica)" })
  .transform((value, ctx) => {
    const id = CUSTOMER_TRIBUTE_ALIASES[String(value).trim().toUpperCase()];
    if (id) return id;
    ctx.issues.push({
      code: "custom",
      message: 'Debe ser 18 (IVA) o 21 (no aplica); también se aceptan los códigos DIAN "01" y "ZZ"',
      input: value,
    });
    return z.NEVER;
  })
  .meta({
    description: "Tributo del cliente: 18 IVA, 21 no aplica (o los códigos DIAN 01 / ZZ).",
    examples: [21],
  });

/** Product standard: Factus 1–4, or DIAN's 999 (→ 1). */
export const StandardCodeId = integerLike(1, 999)
  .transform((value, ctx) => {
    if (value === 999) return 1;
    if (value >= 1 && value <= 4) return value;
    ctx.issues.push({
      code: "custom",
      message: "Debe ser 1 (999), 2 (UNSPSC), 3 (partida) o 4 (GTIN)",
      input: value,
    });
    return z.NEVER;
  })
  .meta({
    description: "Estándar del código de producto: 1 (DIAN 999), 2 UNSPSC, 3 partida arancelaria, 4 GTIN.",
  });

/** Optional text that treats "" and null as absent, as Factus does (its example sends `company: ""`). */
const optionalText = (max: number) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), text(max).optional());

const checkPersonType = (
  customer: { legal_organization_id: number; company?: string; names?: string },
  ctx: z.RefinementCtx,
) => {
  if (customer.legal_organization_id === 1 && !customer.company) {
    ctx.addIssue({ code: "custom", path: ["company"], message: "Obligatorio para personas jurídicas" });
  }
  if (customer.legal_organization_id === 2 && !customer.names) {
    ctx.addIssue({ code: "custom", path: ["names"], message: "Obligatorio para personas naturales" });
  }
};

// Built once and shared by both customer schemas: every schema object is built when the Worker starts, and these
// do not depend on the municipality.
const customerFields = {
  identification_document_id: integerLike(1, 11).meta({
    description:
      "Tipo de documento: 1 RC, 2 TI, 3 CC, 4 TE, 5 CE, 6 NIT, 7 pasaporte, 8 DIE, 9 PEP, 10 NIT otro país, 11 NUIP.",
  }),
  identification: text(20, 1).meta({
    description: "Número de identificación, sin dígito de verificación.",
  }),
  dv: z
    .preprocess(
      (value) =>
        value === "" || value === null ? undefined : typeof value === "number" ? String(value) : value,
      z.string().regex(/^\d$/, { error: "Debe ser un dígito 0–9" }).optional(),
    )
    .meta({
      description: "Dígito de verificación; obligatorio y verificado cuando el documento es NIT (6).",
    }),
  company: optionalText(450).meta({ description: "Razón social (personas jurídicas)." }),
  trade_name: optionalText(450),
  names: optionalText(450).meta({ description: "Nombres y apellidos (personas naturales)." }),
  address: optionalText(250),
  email: optionalText(250),
  phone: optionalText(50),
  legal_organization_id: integerLike(1, 2).meta({ description: "1 persona jurídica, 2 persona natural." }),
  tribute_id: CustomerTributeId,
};

const customerShape = <M extends z.ZodType>(municipality: M) =>
  strict({ ...customerFields, municipality_id: municipality.optional() }).superRefine(checkPersonType);

/** Customer as Factus takes it: Factus ids only; the NIT check digit is DIAN's to judge. */
export const FactusBillRequestCustomer = customerShape(integerLike(1, 99_999));

/** Customer of the public API: DANE and DIAN codes normalized to Factus ids. */
export const InvoiceCustomer = customerShape(MunicipalityId).meta({
  id: "InvoiceCustomer",
  description: "Adquiriente de la factura.",
});
export type InvoiceCustomer = z.output<typeof InvoiceCustomer>;

export const WithholdingTax = strict({
  code: code(["05", "06", "07"]).meta({ description: "05 ReteIVA, 06 ReteRenta, 07 ReteICA." }),
  withholding_tax_rate: percentage(),
});

export const InvoiceItem = strict({
  code_reference: text(100, 1).meta({ description: "Código interno del producto." }),
  name: text(300, 1),
  quantity: integerLike(1, 1_000_000).meta({ description: "Cantidad: entero mayor que 0 en Factus v1." }),
  price: decimal2(0, 10_000_000_000, { exclusiveMin: true }).meta({
    description:
      "Precio unitario, máximo 2 decimales: con impuestos incluidos (como en Factus v1), o neto cuando " +
      "prices_include_tax es false.",
    examples: [1000000],
  }),
  discount_rate: percentage().default(0).meta({ description: "Porcentaje de descuento 0–100." }),
  tax_rate: percentage().meta({ description: "Tarifa del impuesto 0–100 (p. ej. 19.00).", examples: [19] }),
  unit_measure_id: integerLike(1, 100_000).meta({ description: "Unidad de medida de Factus (70 = unidad)." }),
  standard_code_id: StandardCodeId,
  is_excluded: flag().meta({ description: "1 si el producto está excluido de IVA." }),
  tribute_id: integerLike(1, 17).meta({ description: "Tributo del producto (1 IVA, 4 INC…)." }),
  scheme_id: z
    .preprocess((value) => (typeof value === "number" ? String(value) : value), z.enum(["0", "1"]).optional())
    .meta({ description: 'Obligatorio cuando operation_type es "11" (mandatos).' }),
  note: optionalText(250),
  withholding_taxes: z.array(WithholdingTax).max(10).optional(),
  mandate: strict({
    identification_document_id: integerLike(1, 11),
    identification: text(20, 1),
  }).optional(),
}).meta({ id: "InvoiceItem", description: "Línea de la factura." });
export type InvoiceItem = z.output<typeof InvoiceItem>;

export const AllowanceCharge = strict({
  concept_type: code(codesOf(ALLOWANCE_CONCEPTS)),
  is_surcharge: booleanLike().meta({ description: "true recargo, false descuento." }),
  reason: text(250, 1),
  base_amount: decimal2(0, 100_000_000_000),
  amount: decimal2(0, 100_000_000_000),
}).meta({ id: "AllowanceCharge", description: "Descuento o recargo a nivel de factura." });

/** The period a document covers (services, subscriptions; a credit note without an invoice, customization 22). */
export const BillingPeriod = strict({
  start_date: isoDate(),
  start_time: timeOfDay().optional(),
  end_date: isoDate(),
  end_time: timeOfDay().optional(),
});

const establishmentFields = {
  name: text(250, 1),
  address: text(250, 1),
  phone_number: text(50, 1),
  email: text(250, 1),
};

const establishmentShape = <M extends z.ZodType>(municipality: M) =>
  strict({ ...establishmentFields, municipality_id: municipality });

/** Establishment of the issuer where the sale happened. */
export const Establishment = establishmentShape(MunicipalityId).meta({ id: "Establishment" });

/**
 * The price mode of a document's items. Optional with no default in the parsed output, so that a request without it
 * parses exactly as before (and nothing new reaches a Factus v1 body); absent means true.
 */
export const PricesIncludeTax = booleanLike()
  .optional()
  .meta({
    description:
      "Si el precio de los ítems incluye impuestos. true (predeterminado, como en Factus v1): el precio es el valor " +
      "final con IVA o INC incluido, y la base se obtiene dividiendo por (1 + tarifa). false: el precio es neto, " +
      "sin impuestos (como lo toma Factus v2), y el impuesto se suma: 1.000.000 al 19 % da subtotal 1.000.000, " +
      "IVA 190.000 y total 1.190.000. Factus redondea cada línea al centavo, así que el total del documento puede " +
      "diferir en centavos del que implican los precios; esa diferencia se informa, nunca se oculta.",
    examples: [false],
  });

/** A reference code: Factus' alphabet, and never only dots. */
export const REFERENCE_CODE_PATTERN = /^(?=[._-]*[A-Za-z0-9])[A-Za-z0-9._-]{1,100}$/;

/** Allowed characters of a reference code: it travels in URL paths (delete by reference). */
export const ReferenceCode = z
  .string({ error: "Debe ser un texto" })
  .trim()
  // At least one letter or digit: "." and ".." would name other Factus paths in /destroy/reference/{code}.
  .regex(REFERENCE_CODE_PATTERN, {
    error: "1 a 100 caracteres: letras, números, punto, guion o guion bajo, con al menos una letra o número",
  })
  .meta({ description: "Código de referencia único por empresa.", examples: ["INV-2024-001"] });

// The same fields serve two schemas: the public request (DIAN codes normalized, DIAN rules enforced) and
// Factus' own request (ids only, DIAN rules left for DIAN), so the municipality and customer are parameters; what
// does not depend on them is built once and shared.
const invoiceHeadFields = {
  numbering_range_id: integerLike(1, 2_147_483_647).optional().meta({
    description: "Rango de numeración; puede omitirse si existe un único rango de facturas activo.",
  }),
  document: code(codesOf(BILL_DOCUMENT_TYPES)).default("01"),
  reference_code: ReferenceCode,
  observation: z.preprocess((value) => (value === null ? undefined : value), text(250).optional()),
  payment_method_code: code(codesOf(PAYMENT_METHODS)).default("10"),
  payment_form: code(codesOf(PAYMENT_FORMS)).default("1").meta({ description: '"1" contado, "2" crédito.' }),
  payment_due_date: isoDate().optional().meta({ description: 'Obligatoria cuando payment_form es "2".' }),
  operation_type: code(codesOf(OPERATION_TYPES)).default("10"),
  send_email: booleanLike().optional(),
  order_reference: strict({ reference_code: text(100, 1), issue_date: isoDate().optional() }).optional(),
  related_documents: z
    .array(strict({ code: text(10, 1), issue_date: isoDate(), number: text(50, 1) }))
    .max(50)
    .optional()
    .meta({ description: 'Documentos relacionados; obligatorios para document "03".' }),
  billing_period: BillingPeriod.optional(),
};
const invoiceAllowanceCharges = z.array(AllowanceCharge).max(50).optional();
const invoiceItems = z
  .array(InvoiceItem)
  .min(1, { error: "La factura debe tener al menos un ítem" })
  .max(1000, { error: "Máximo 1000 ítems por factura" });

/**
 * The invoice object over a customer schema and a municipality schema: the public `CreateInvoiceRequest` and Factus'
 * own `FactusBillRequest` are both this shape, each refined with the rules it answers for (`invoice-rules.ts`).
 */
export const invoiceShape = <C extends z.ZodType, M extends z.ZodType>(customer: C, municipality: M) =>
  strict({
    ...invoiceHeadFields,
    establishment: establishmentShape(municipality).optional(),
    allowance_charges: invoiceAllowanceCharges,
    customer,
    items: invoiceItems,
  });

/** The fields both invoice requests share, as parsed: what the rules in `invoice-rules.ts` read. */
export type InvoiceFields = z.output<
  ReturnType<typeof invoiceShape<typeof FactusBillRequestCustomer, z.ZodNumber>>
>;
