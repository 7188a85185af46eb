import * as z from "zod";
import { FactusCodeText, FactusFlag, factusEnvelope, factusPage } from "./common";

export const FactusNumberingRange = z.looseObject({
  id: z.number(),
  document: z
    .string()
    .meta({ description: 'Nombre ("Factura de Venta") en listas, código ("21") en el detalle.' }),
  document_name: z.string().optional(),
  prefix: z.string(),
  from: z.union([z.number(), z.string()]).transform(Number),
  to: z.union([z.number(), z.string()]).transform(Number),
  current: z.union([z.number(), z.string()]).transform(Number),
  resolution_number: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  technical_key: z.string().nullable(),
  is_expired: z.boolean(),
  is_active: FactusFlag,
});
export type FactusNumberingRange = z.infer<typeof FactusNumberingRange>;
export const FactusNumberingRangePage = factusPage(FactusNumberingRange);
export const FactusNumberingRangeResponse = factusEnvelope(FactusNumberingRange);

export const FactusDianRange = z.looseObject({
  resolution_number: FactusCodeText,
  prefix: z.string(),
  from: FactusCodeText,
  to: FactusCodeText,
  start_date: z.string(),
  end_date: z.string(),
  technical_key: z.string().nullable(),
});
export const FactusDianRanges = factusEnvelope(z.array(FactusDianRange));

export const FactusNumberingRangeFilters = z.strictObject({
  id: z.union([z.string(), z.number()]).optional(),
  document: z.string().optional(),
  resolution_number: z.string().optional(),
  technical_key: z.string().optional(),
  is_active: z.union([z.literal(0), z.literal(1), z.literal("0"), z.literal("1")]).optional(),
});
export type FactusNumberingRangeFilters = z.infer<typeof FactusNumberingRangeFilters>;

/** `POST /v1/numbering-ranges`. */
export const FactusCreateNumberingRangeRequest = z.strictObject({
  document: z.string().regex(/^\d{2}$/),
  prefix: z.string().regex(/^[A-Z0-9]{1,4}$/),
  current: z.int().min(0),
  resolution_number: z.string().max(50).optional(),
  technical_key: z.string().max(100).optional(),
  from: z.int().min(0).optional(),
  to: z.int().min(0).optional(),
  start_date: z.string().optional(),
  end_date: z.string().optional(),
});
export type FactusCreateNumberingRangeRequest = z.infer<typeof FactusCreateNumberingRangeRequest>;
