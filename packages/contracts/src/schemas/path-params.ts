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
