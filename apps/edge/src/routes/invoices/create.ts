import { CreatedInvoice, CreateInvoiceRequest, successEnvelope } from "@factus-edge/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import seedRequest from "../../../../../fixtures/seeds/create-invoice.request.json";
import type { AppEnv } from "../../lib/context";
import { createdInvoice } from "../../lib/invoice-mappers";
import {
  AUTH_ERRORS,
  BODY_ERRORS,
  errorResponses,
  FACTUS_ERRORS,
  FACTUS_SECURITY,
  jsonBody,
  jsonResponse,
} from "../../lib/openapi";
import { callFactus, upstream } from "../../lib/upstream";
import { requireFactusToken, requireUser } from "../../middleware/auth";
import { idempotency } from "../../middleware/idempotency";
import { userRateLimit } from "../../middleware/rate-limiter";
import { IdempotencyHeaders } from "./schema";

const MESSAGE = "Factura creada exitosamente";

export const createInvoiceRoute = createRoute({
  method: "post",
  path: "/",
  operationId: "createInvoice",
  tags: ["Facturas"],
  summary: "Crear y validar una factura electrónica",
  description:
    "Valida la factura con las reglas de Factus y de la DIAN **antes** de enviarla (dígito de verificación del NIT, " +
    "municipio, fecha de vencimiento en ventas a crédito…), porque la DIAN rechaza después de consumir un número " +
    "consecutivo. Acepta códigos DIAN donde su significado es inequívoco (municipio DANE 11001, estándar 999, " +
    'tributo del cliente "01"/"ZZ") y los traduce a ids de Factus. Los precios incluyen impuestos (Factus v1). ' +
    "Con `Idempotency-Key` los reintentos nunca crean una segunda factura.",
  security: FACTUS_SECURITY,
  middleware: [requireUser, userRateLimit, requireFactusToken, idempotency] as const,
  request: {
    headers: IdempotencyHeaders,
    ...jsonBody(CreateInvoiceRequest, "Factura a emitir", {
      ...seedRequest,
      customer: { ...seedRequest.customer, dv: "8" },
    }),
  },
  responses: {
    201: {
      ...jsonResponse(successEnvelope(CreatedInvoice, MESSAGE), "Factura creada y validada por la DIAN"),
      headers: { Location: { description: "URL de la factura creada", schema: { type: "string" } } },
    },
    ...errorResponses(
      ...BODY_ERRORS,
      ...AUTH_ERRORS,
      ...FACTUS_ERRORS,
      "DIAN_REJECTED",
      "FACTUS_PENDING_DOCUMENT",
      "IDEMPOTENCY_IN_PROGRESS",
      "IDEMPOTENCY_KEY_REUSED",
      "CONFLICT",
    ),
  },
});

export const createInvoice: RouteHandler<typeof createInvoiceRoute, AppEnv> = async (c) => {
  const invoice = c.req.valid("json");
  // Already parsed with CreateInvoiceRequest, which is stricter than Factus' own rules: no second pass.
  const bill = await callFactus(() =>
    c.get("factus").bills.create(invoice, { ...upstream(c), prevalidated: true }),
  );
  const data = createdInvoice(bill, `Documento ${bill.bill.number} validado por la DIAN`);
  c.header("Location", `/api/v1/invoices/${encodeURIComponent(data.number)}`);
  return c.json({ message: MESSAGE, data }, 201);
};
