import * as z from "zod";

/** `{number}` in invoice paths: a Factus document number such as SETP990000001. */
export const NumberParam = z.object({
  number: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/, { error: "Número de factura inválido" })
    .meta({ param: { name: "number", in: "path" }, examples: ["SETP990000001"] }),
});

export const ReferenceParam = z.object({
  reference_code: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, { error: "Código de referencia inválido" })
    .meta({ param: { name: "reference_code", in: "path" }, examples: ["INV-2024-001"] }),
});

/** Headers of every Factus-backed route, documented once. */
export const FactusHeaders = z.object({
  "x-factus-token": z
    .string()
    .optional()
    .meta({
      description: "Token de acceso de Factus (de /auth/factus/login). Obligatorio.",
      examples: ["eyJ0eXAiOi…"],
    }),
});

export const IdempotencyHeaders = FactusHeaders.extend({
  "idempotency-key": z
    .string()
    .max(255)
    .optional()
    .meta({
      description:
        "Clave opaca (≤ 255 caracteres) que hace seguro reintentar: la misma clave y el mismo cuerpo devuelven la " +
        "respuesta guardada durante 24 h, sin crear otra factura.",
      examples: ["8c0b7a0e-6d1f-4d8e-9a53-2f9f2f4b1c11"],
    }),
});
