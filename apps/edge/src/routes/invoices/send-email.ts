import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { InvoiceEmailSent, SendInvoiceEmailRequest } from "@factus-edge/contracts/schemas/invoice-responses";
import { DocumentNumberParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Correo enviado exitosamente";

export const sendInvoiceEmailRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/{number}/send-email",
    operationId: "sendInvoiceEmail",
    tags: ["Facturas"],
    summary: "Enviar una factura por correo",
    description:
      "Envía la factura validada al correo indicado. `pdf_base_64_encoded` reemplaza el PDF generado por Factus. " +
      "Acepta `Idempotency-Key` para no enviar dos veces el mismo correo al reintentar.",
    request: {
      params: DocumentNumberParam,
      ...jsonBody(SendInvoiceEmailRequest, "Destinatario", { email: "cliente@empresa.com.co" }),
    },
    responses: { 200: jsonResponse(successEnvelope(InvoiceEmailSent, MESSAGE), "Correo enviado") },
  },
  { idempotent: true },
);

export const sendInvoiceEmail: RouteHandler<typeof sendInvoiceEmailRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const body = c.req.valid("json");
  await callFactus(
    () => c.get("factus").bills.sendEmail(number, body, upstream(c)),
    `No existe la factura ${number}`,
  );
  return c.json({ message: MESSAGE, data: { number, email: body.email } }, 200);
};
