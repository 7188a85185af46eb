import { CREATE_INVOICE_EXAMPLE } from "@factus-edge/contracts/examples";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { CreateInvoiceRequest } from "@factus-edge/contracts/schemas/invoice-request";
import { InvoicePreview } from "@factus-edge/contracts/schemas/invoice-responses";
import type { RouteHandler } from "@hono/zod-openapi";
import { previewInvoice } from "../../documents/preview";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Vista previa de la factura";

export const previewInvoiceRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/preview",
    operationId: "previewInvoice",
    tags: ["Facturas"],
    summary: "Calcular una factura sin emitirla",
    description:
      "El mismo cuerpo y la misma autenticación que crear una factura; no se emite nada. Aplica todas las reglas de la " +
      "creación (validación, rango de numeración, campos que la versión de Factus de la empresa no puede llevar) y " +
      "responde los totales exactos que la cuenta de Factus calculará: `bill`, `items`, `factus_api_version` y, cuando el " +
      "total del documento difiere de lo que implican los precios, `rounding`. Una solicitud que la creación " +
      "rechazaría recibe el mismo error.",
    request: jsonBody(CreateInvoiceRequest, "Factura a calcular", CREATE_INVOICE_EXAMPLE),
    responses: {
      200: jsonResponse(successEnvelope(InvoicePreview, MESSAGE), "Los totales que tendrá la factura"),
    },
  },
  { scope: "documents:read" },
);

export const previewInvoiceHandler: RouteHandler<typeof previewInvoiceRoute, AppEnv> = async (c) =>
  c.json({ message: MESSAGE, data: await previewInvoice(c, c.req.valid("json")) }, 200);
