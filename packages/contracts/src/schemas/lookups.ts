import * as z from "zod";

// Public schemas of GET /api/v1/lookups/*: what a frontend shows in a picker.

export const CatalogNameQuery = z
  .strictObject({
    name: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: "Filtro por nombre (parcial, sin tildes)." }),
  })
  .meta({ id: "CatalogNameQuery" });
export type CatalogNameQuery = z.infer<typeof CatalogNameQuery>;

export const CatalogEntry = z
  .object({
    id: z.int(),
    code: z.string(),
    name: z.string(),
    department: z.string().optional(),
    description: z.string().nullable().optional(),
  })
  .meta({
    id: "CatalogEntry",
    description: "Entrada de un catálogo de Factus: su id (el que toma la factura) y su código DIAN.",
  });
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const AcquirerQuery = z
  .strictObject({
    identification_document_id: z.string().regex(/^\d{1,2}$/, { error: "Tipo de documento inválido" }),
    identification_number: z.string().regex(/^\d{3,15}$/, { error: "Número de identificación inválido" }),
  })
  .meta({ id: "AcquirerQuery" });
export type AcquirerQuery = z.infer<typeof AcquirerQuery>;

export const Acquirer = z.object({ name: z.string(), email: z.string().nullable() }).meta({
  id: "Acquirer",
  description: "Nombre y correo que la DIAN tiene registrados para una identificación.",
});
export type Acquirer = z.infer<typeof Acquirer>;
