import { InvoiceDeleted, successEnvelope } from "@factus-edge/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/context";
import { AUTH_ERRORS, errorResponses, FACTUS_ERRORS, FACTUS_SECURITY, jsonResponse } from "../../lib/openapi";
import { callFactus, upstream } from "../../lib/upstream";
import { requireFactusToken, requireUser } from "../../middleware/auth";
import { userRateLimit } from "../../middleware/rate-limiter";
import { FactusHeaders, ReferenceParam } from "./schema";

const MESSAGE = "Factura eliminada exitosamente";

export const deleteInvoiceRoute = createRoute({
  method: "delete",
  path: "/reference/{reference_code}",
  operationId: "deleteInvoiceByReference",
  tags: ["Facturas"],
  summary: "Eliminar una factura no validada",
  description:
    "Elimina, por su código de referencia, una factura que la DIAN no ha validado (por ejemplo rechazada y pendiente). " +
    "Es lo que desbloquea el rango de numeración tras un FACTUS_PENDING_DOCUMENT. Una factura validada no se puede " +
    "eliminar: se corrige con una nota crédito.",
  security: FACTUS_SECURITY,
  middleware: [requireUser, userRateLimit, requireFactusToken] as const,
  request: { params: ReferenceParam, headers: FactusHeaders },
  responses: {
    200: jsonResponse(successEnvelope(InvoiceDeleted, MESSAGE), "Factura eliminada"),
    ...errorResponses(...AUTH_ERRORS, ...FACTUS_ERRORS, "NOT_FOUND", "VALIDATION_FAILED"),
  },
});

export const deleteInvoice: RouteHandler<typeof deleteInvoiceRoute, AppEnv> = async (c) => {
  const { reference_code } = c.req.valid("param");
  await callFactus(
    () => c.get("factus").bills.delete(reference_code, upstream(c)),
    `No existe una factura con código de referencia ${reference_code}`,
  );
  return c.json({ message: MESSAGE, data: { reference_code } }, 200);
};
