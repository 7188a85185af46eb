import { InvoiceDetail, successEnvelope } from "@factus-edge/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/context";
import { invoiceDetail } from "../../lib/invoice-mappers";
import { AUTH_ERRORS, errorResponses, FACTUS_ERRORS, FACTUS_SECURITY, jsonResponse } from "../../lib/openapi";
import { callFactus, upstream } from "../../lib/upstream";
import { requireFactusToken, requireUser } from "../../middleware/auth";
import { userRateLimit } from "../../middleware/rate-limiter";
import { FactusHeaders, NumberParam } from "./schema";

const MESSAGE = "Factura obtenida exitosamente";

export const getInvoiceRoute = createRoute({
  method: "get",
  path: "/{number}",
  operationId: "getInvoice",
  tags: ["Facturas"],
  summary: "Consultar una factura",
  description:
    "Detalle de una factura por su número: empresa, cliente, totales (subtotal = base gravable, tax_total, total, en " +
    "pesos con 2 decimales), CUFE, estado ante la DIAN y sus ítems.",
  security: FACTUS_SECURITY,
  middleware: [requireUser, userRateLimit, requireFactusToken] as const,
  request: { params: NumberParam, headers: FactusHeaders },
  responses: {
    200: jsonResponse(successEnvelope(InvoiceDetail, MESSAGE), "La factura"),
    ...errorResponses(...AUTH_ERRORS, ...FACTUS_ERRORS, "NOT_FOUND", "VALIDATION_FAILED"),
  },
});

export const getInvoice: RouteHandler<typeof getInvoiceRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const bill = await callFactus(
    () => c.get("factus").bills.get(number, upstream(c)),
    `No existe la factura ${number}`,
  );
  return c.json({ message: MESSAGE, data: invoiceDetail(bill, "Factura obtenida de Factus") }, 200);
};
