import { CREATE_INVOICE_EXAMPLE } from "@factus-edge/contracts/examples";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { CreateInvoiceRequest } from "@factus-edge/contracts/schemas/invoice-request";
import { CreatedInvoice } from "@factus-edge/contracts/schemas/invoice-responses";
import type { RouteHandler } from "@hono/zod-openapi";
import { issueAndRespond } from "../../documents/issue";
import { invoiceFlow } from "../../documents/kinds/invoice";
import { checkNumberingRange } from "../../documents/numbering-ranges";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Factura creada exitosamente";

/** The answers of a create that carry the invoice: 201, 202 and 200 share the shape and the headers. */
const created = (description: string) => ({
  ...jsonResponse(successEnvelope(CreatedInvoice, MESSAGE), description),
  headers: {
    Location: { description: "URL de la factura", schema: { type: "string" as const } },
    "X-Document-Recovered": {
      description:
        "Presente cuando la factura se encontró en Factus en lugar de crearse con esta solicitud: `lost-answer` " +
        "(se perdió la respuesta de Factus) o `existing-reference` (el reference_code ya estaba emitido).",
      schema: { type: "string" as const, enum: ["lost-answer", "existing-reference"] },
    },
  },
});

export const createInvoiceRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/",
    operationId: "createInvoice",
    tags: ["Facturas"],
    summary: "Crear y validar una factura electrónica",
    description:
      "Valida la factura **antes** de enviarla, con las mismas reglas que `CreateInvoiceRequest` de " +
      "`@factus-edge/contracts` da a un formulario: las de Factus (municipio conocido, fecha de vencimiento en " +
      "crédito, correo válido, recargos solo del concepto 03, retenciones fuera de `tribute_id`, mandato con " +
      "`scheme_id` 1) y las que la DIAN aplica después de consumir un número consecutivo (dígito de verificación del " +
      "NIT, identificación solo con dígitos, persona jurídica con NIT, vencimiento no anterior a hoy, IVA 0/5/19 %, " +
      "INC 2/4/8/16 %, ítem excluido con tarifa 0, descuento de línea menor al 100 %). Con una consulta a Factus " +
      "(guardada un minuto) verifica además que el rango de numeración esté activo, vigente y sin agotar. Acepta " +
      "códigos DIAN donde su significado es inequívoco (municipio DANE 11001, estándar 999, tributo del cliente " +
      '"01"/"ZZ") y los traduce a ids de Factus. Con `Idempotency-Key` los reintentos nunca crean una segunda factura.\n\n' +
      "**Los precios incluyen los impuestos (Factus v1).** El ejemplo: un ítem de 1.000.000,00 al 19 % de IVA es " +
      "840.336,13 de base + 159.663,87 de IVA = 1.000.000,00 de total (no 1.190.000,00).\n\n" +
      "La respuesta dice siempre la verdad sobre el documento legal: **201** validado por la DIAN; **202** numerado " +
      "pero la DIAN aún no responde (no lo elimine: reenvíe la misma solicitud); **422 DIAN_REJECTED** con el número " +
      "consumido en `error.document`; **409 DIAN_DOCUMENT_ALREADY_PROCESSED** (regla 90: ni eliminar ni reenviar). " +
      "Si se pierde la respuesta de Factus, la factura se busca por `reference_code` antes de responder.",
    request: jsonBody(CreateInvoiceRequest, "Factura a emitir", CREATE_INVOICE_EXAMPLE),
    responses: {
      201: created("Factura validada por la DIAN (`status` success, `dian_status` validated)"),
      202: created(
        "La DIAN aún no responde (`status` pending): la factura quedó numerada y guardada. No la elimine: reenvíe la " +
          "misma solicitud o llame a POST /invoices/reference/{reference_code}/retry para conocer el veredicto.",
      ),
      200: created(
        "Ya existía una factura con este reference_code, el mismo cliente y el mismo total: es esta " +
          "(`X-Document-Recovered: existing-reference`).",
      ),
    },
  },
  {
    idempotent: true,
    // DIAN's verdicts and the 409 block come with every Factus call (factus/errors.ts); these are the create's own.
    errors: ["REFERENCE_CODE_IN_USE", "FACTUS_OUTCOME_UNKNOWN"],
  },
);

export const createInvoice: RouteHandler<typeof createInvoiceRoute, AppEnv> = async (c) => {
  const invoice = c.req.valid("json");
  // A retry reconciling a lost answer must find the invoice even if its range has changed since.
  if (!c.get("reconcileFirst")) await checkNumberingRange(c, invoice);
  return issueAndRespond(c, invoiceFlow, invoice);
};
