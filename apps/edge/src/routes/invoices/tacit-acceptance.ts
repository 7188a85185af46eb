import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { RadianEvent, TacitAcceptanceRequest } from "@factus-edge/contracts/schemas/invoice-responses";
import { DocumentNumberParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";
import { publicEvents } from "./events";

// The issuer's tacit acceptance (RADIAN 034): what makes a credit sale whose buyer stayed silent a negotiable security.
// DIAN's conditions (a credit sale, the buyer's receipts 030 and 032, three business days of silence after the goods,
// no claim or express acceptance, once) are Factus' to check: its refusal is answered with its reasons.

const MESSAGE = "Aceptación tácita registrada";

export const tacitAcceptanceRoute = defineRoute("factus", {
  method: "post",
  path: "/{number}/events/034",
  operationId: "emitTacitAcceptance",
  tags: ["Facturas"],
  summary: "Emitir la aceptación tácita (evento RADIAN 034)",
  description:
    "Registra ante la DIAN, a nombre del emisor, la aceptación tácita de una factura a crédito: procede cuando el " +
    "adquiriente acusó recibo de la factura (030) y del bien o servicio (032) y no la reclamó (031) ni la aceptó " +
    "expresamente (033) en los tres días hábiles siguientes al recibo del bien. El cuerpo nombra a la persona que la " +
    "emite. Responde los eventos de la factura; si la DIAN aún no la permite, 422 con la razón.",
  request: {
    params: DocumentNumberParam,
    ...jsonBody(TacitAcceptanceRequest, "Quién la emite", {
      identification_document_code: "13",
      identification: "1234567890",
      first_name: "Ana",
      last_name: "Gómez",
      job_title: "Cartera",
    }),
  },
  responses: {
    201: jsonResponse(successEnvelope(z.array(RadianEvent), MESSAGE), "Los eventos de la factura"),
  },
});

export const emitTacitAcceptance: RouteHandler<typeof tacitAcceptanceRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const person = c.req.valid("json");
  const events = await callFactus(
    () => c.get("factus").bills.emitEvent(number, "034", person, upstream(c)),
    `No existe la factura ${number}`,
  );
  const data = publicEvents(events);
  return c.json({ message: MESSAGE, data }, 201);
};
