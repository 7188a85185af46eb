import * as z from "zod";
import { codesOf, factusV2Envelope, factusV2Page, V2WireFlag, V2WireText, v2Code } from "./primitives";
import { V2_RANGE_DOCUMENT_TYPES } from "./tables";

// Numbering ranges [rangos-de-numeracion/*]: as in v1 but for the /v2 prefix and the new toggle-status route.

const count = z.union([z.number(), z.string()]).transform(Number);

/**
 * A range, in `GET /v2/numbering-ranges` rows and `GET /v2/numbering-ranges/{id}`. No v2 answer is published; the
 * v1 shape is assumed (a sandbox capture agrees: lists double-wrapped in `data.data`). `document` is a name
 * ("Factura de Venta") in list rows and a code ("21") in the detail, which adds `document_name`. The docs give
 * `is_active` as 1/0 and a capture shows booleans: both are read, as a boolean.
 */
export const FactusV2NumberingRange = z.looseObject({
  id: z.number(),
  document: z.string(),
  document_name: z.string().optional(),
  prefix: z.string(),
  from: count,
  to: count,
  current: count,
  resolution_number: z.string().nullable(),
  start_date: z.string().nullable(),
  end_date: z.string().nullable(),
  technical_key: z.string().nullable(),
  is_expired: V2WireFlag,
  is_active: V2WireFlag,
});
export type FactusV2NumberingRange = z.infer<typeof FactusV2NumberingRange>;
export const FactusV2NumberingRangePage = factusV2Page(FactusV2NumberingRange);
export const FactusV2NumberingRangeResponse = factusV2Envelope(FactusV2NumberingRange);

/** `GET /v2/numbering-ranges/dian`: the ranges the DIAN authorised for the software. */
export const FactusV2DianRanges = factusV2Envelope(
  z.array(
    z.looseObject({
      resolution_number: V2WireText,
      prefix: z.string(),
      from: V2WireText,
      to: V2WireText,
      start_date: z.string(),
      end_date: z.string(),
      technical_key: z.string().nullable(),
    }),
  ),
);

/** Query of `GET /v2/numbering-ranges` (sent as `filter[<key>]`, plus `page`). */
export const FactusV2NumberingRangeFilters = z.strictObject({
  id: z.union([z.string(), z.number()]).optional(),
  document: z.string().optional(),
  resolution_number: z.string().optional(),
  technical_key: z.string().optional(),
  is_active: v2Code(["0", "1"]).optional(),
});

/**
 * `POST /v2/numbering-ranges`. `resolution_number` is required for bills (21) and support documents (24), as the
 * docs say (factus-js also requires it for paper bills, 30: not enforced here). Prefix: at most 4 characters.
 */
export const FactusV2CreateNumberingRangeRequest = z
  .strictObject({
    document: v2Code(codesOf(V2_RANGE_DOCUMENT_TYPES)),
    prefix: z.string().regex(/^[A-Z0-9]{1,4}$/, { error: "Prefijo de 1 a 4 letras mayúsculas o dígitos" }),
    resolution_number: z.string().min(1).max(50).optional(),
    current: z.int().min(0),
  })
  .refine((range) => !["21", "24"].includes(range.document) || range.resolution_number !== undefined, {
    error: "resolution_number es obligatorio para los documentos 21 y 24",
    path: ["resolution_number"],
  });
export type FactusV2CreateNumberingRangeRequest = z.infer<typeof FactusV2CreateNumberingRangeRequest>;

/** `PATCH /v2/numbering-ranges/{id}/current` (body in prose and the Postman collection only). */
export const FactusV2UpdateRangeCurrentRequest = z.strictObject({ current: z.int().min(0) });
