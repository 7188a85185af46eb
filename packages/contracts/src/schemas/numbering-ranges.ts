import * as z from "zod";

// Public schemas of GET /api/v1/numbering-ranges.

export const NumberingRange = z
  .object({
    id: z.int(),
    document: z.string().meta({ description: 'Tipo de documento ("Factura de Venta", "Nota Crédito"…).' }),
    prefix: z.string(),
    from: z.int(),
    to: z.int(),
    current: z.int().meta({ description: "Siguiente consecutivo." }),
    resolution_number: z.string().nullable(),
    start_date: z.string().nullable(),
    end_date: z.string().nullable(),
    technical_key: z.string().nullable(),
    is_expired: z.boolean(),
    is_active: z.boolean(),
  })
  .meta({ id: "NumberingRange" });
export type NumberingRange = z.infer<typeof NumberingRange>;

export const NumberingRangeQuery = z
  .strictObject({
    id: z
      .string()
      .regex(/^\d{1,10}$/)
      .optional(),
    document: z.string().max(50).optional(),
    resolution_number: z.string().max(50).optional(),
    technical_key: z.string().max(100).optional(),
    is_active: z.enum(["0", "1"]).optional(),
  })
  .meta({ id: "NumberingRangeQuery" });
export type NumberingRangeQuery = z.infer<typeof NumberingRangeQuery>;
