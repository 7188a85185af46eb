import { InvoiceEmailSent, SendInvoiceEmailRequest, successEnvelope } from "@factus-edge/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/context";
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
import { IdempotencyHeaders, NumberParam } from "./schema";

const MESSAGE = "Correo enviado exitosamente";

export const sendInvoiceEmailRoute = createRoute({
  method: "post",
  path: "/{number}/send-email",
  operationId: "sendInvoiceEmail",
  tags: ["Facturas"],
  summary: "Enviar una factura por correo",
  description:
    "Envía la factura validada al correo indicado. `pdf_base_64_encoded` reemplaza el PDF generado por Factus. " +
    "Acepta `Idempotency-Key` para no enviar dos veces el mismo correo al reintentar.",
  security: FACTUS_SECURITY,
  middleware: [requireUser, userRateLimit, requireFactusToken, idempotency] as const,
  request: {
    params: NumberParam,
    headers: IdempotencyHeaders,
    ...jsonBody(SendInvoiceEmailRequest, "Destinatario", { email: "cliente@empresa.com.co" }),
  },
  responses: {
    200: jsonResponse(successEnvelope(InvoiceEmailSent, MESSAGE), "Correo enviado"),
    ...errorResponses(
      ...BODY_ERRORS,
      ...AUTH_ERRORS,
      ...FACTUS_ERRORS,
      "NOT_FOUND",
      "IDEMPOTENCY_IN_PROGRESS",
      "IDEMPOTENCY_KEY_REUSED",
    ),
  },
});

export const sendInvoiceEmail: RouteHandler<typeof sendInvoiceEmailRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const body = c.req.valid("json");
  await callFactus(
    () => c.get("factus").bills.sendEmail(number, body, upstream(c)),
    `No existe la factura ${number}`,
  );
  return c.json({ message: MESSAGE, data: { number, email: body.email } }, 200);
};
