import * as z from "zod";

// What the public detail and list shapes of invoices and credit notes share.

/** Money in responses: a JSON number with at most 2 decimals, as in the customer's docs (1190000.00). */
export const Money = z.number().meta({ description: "Valor en pesos con 2 decimales." });

/**
 * How the legal document's total differs from what the caller's prices imply: present in a create's answer only
 * when the difference is not zero, so no cent drifts silently.
 */
export const Rounding = z
  .object({
    expected_total: Money.meta({
      description:
        "Lo que implican los precios enviados: la suma exacta de cada línea (precio × cantidad × (1 − descuento), " +
        "con impuestos si los precios son netos), más recargos, redondeada una sola vez.",
    }),
    issued_total: Money.meta({ description: "El total del documento legal, como Factus lo calculó." }),
    difference: Money.meta({
      description: "issued_total − expected_total (negativo si el documento cobra menos).",
    }),
    lines: z
      .array(z.object({ index: z.number().int(), expected: Money, issued: Money }))
      .meta({ description: "Las líneas cuyo valor emitido difiere de su valor exacto (puede estar vacía)." }),
  })
  .meta({
    id: "Rounding",
    description:
      "Diferencia de redondeo entre los precios enviados y el documento emitido; solo aparece cuando no es cero.",
  });
export type Rounding = z.infer<typeof Rounding>;

/** The issuer, as a document's detail shows it. */
export const DocumentCompany = z.object({
  name: z.string(),
  identification: z.string(),
  address: z.string(),
});

/** The customer, as a document's detail shows it. */
export const DocumentCustomer = z.object({
  name: z.string(),
  identification: z.string(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});

/** A line of a document's detail. */
export const DocumentLine = z.object({
  code_reference: z.string(),
  name: z.string(),
  quantity: z.number(),
  price: Money,
  tax_rate: z.number(),
  total: Money,
});

/** A credit note as an invoice names it. */
export const CreditNoteRef = z
  .object({
    id: z
      .int()
      .nullable()
      .meta({ description: "Id de Factus v1; null en una cuenta Factus v2, que solo usa números." }),
    number: z.string(),
  })
  .meta({ id: "CreditNoteRef" });

/** Factus' filters of a document list, and the page. */
/** A calendar date in Colombia, `YYYY-MM-DD`, that exists. */
const ColombiaDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Debe ser una fecha YYYY-MM-DD" })
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
      new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    {
      error: "No es una fecha del calendario",
    },
  );

export const DocumentListQuery = z.strictObject({
  number: z.string().max(50).optional(),
  prefix: z.string().max(10).optional(),
  reference_code: z.string().max(100).optional(),
  identification: z.string().max(20).optional(),
  names: z.string().max(100).optional(),
  status: z
    .enum(["0", "1"])
    .optional()
    .meta({ description: "1 validado por la DIAN, 0 pendiente o rechazado." }),
  created_from: ColombiaDate.optional().meta({
    description: "Creados desde este día (inclusive), calendario de Colombia, YYYY-MM-DD.",
  }),
  created_to: ColombiaDate.optional().meta({
    description: "Creados hasta este día (inclusive), calendario de Colombia, YYYY-MM-DD.",
  }),
  page: z
    .string()
    .regex(/^\d{1,6}$/, { error: "Debe ser un número de página" })
    .optional()
    .transform((page) => (page ? Math.max(1, Number(page)) : 1)),
});
