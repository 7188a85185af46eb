import * as z from "zod";
import { REFERENCE_CODE_PATTERN } from "./invoice-fields";

/** `{number}` in document paths: a Factus document number such as SETP990000001. */
export const DocumentNumberParam = z.object({
  number: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/, { error: "Número de documento inválido" })
    .meta({ param: { name: "number", in: "path" }, examples: ["SETP990000001"] }),
});
export type DocumentNumberParam = z.infer<typeof DocumentNumberParam>;

/** `{reference_code}` in document paths: the caller's own unique code of a document. */
export const ReferenceCodeParam = z.object({
  reference_code: z
    .string()
    .regex(REFERENCE_CODE_PATTERN, { error: "Código de referencia inválido" })
    .meta({ param: { name: "reference_code", in: "path" }, examples: ["INV-2024-001"] }),
});
export type ReferenceCodeParam = z.infer<typeof ReferenceCodeParam>;

/** The id of one of the caller's own resources (a Factus connection, an API key). */
export const ResourceIdParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Id inválido" })
    .meta({ param: { name: "id", in: "path" }, examples: ["fc_0f1e2d3c4b5a69788796a5b4c3d2e1f0"] }),
});
