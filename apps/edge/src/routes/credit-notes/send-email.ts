import { DocumentNumberParam, SendInvoiceEmailRequest, successEnvelope } from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Correo enviado exitosamente";

export const sendCreditNoteEmailRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/{number}/send-email",
    operationId: "sendCreditNoteEmail",
    tags: ["Notas crédito"],
    summary: "Enviar una nota crédito por correo",
    description:
      "Envía la nota crédito al correo indicado. Acepta `Idempotency-Key` para no enviar dos veces el mismo correo.",
    request: {
      params: DocumentNumberParam,
      ...jsonBody(SendInvoiceEmailRequest, "Destinatario", { email: "cliente@empresa.com.co" }),
    },
    responses: {
      200: jsonResponse(
        successEnvelope(z.object({ number: z.string(), email: z.string() }), MESSAGE),
        "Correo enviado",
      ),
    },
  },
  { idempotent: true },
);

export const sendCreditNoteEmail: RouteHandler<typeof sendCreditNoteEmailRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const body = c.req.valid("json");
  await callFactus(
    () => c.get("factus").creditNotes.sendEmail(number, body, upstream(c)),
    `No existe la nota crédito ${number}`,
  );
  return c.json({ message: MESSAGE, data: { number, email: body.email } }, 200);
};
