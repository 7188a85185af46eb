import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { RadianEvent } from "@factus-edge/contracts/schemas/invoice-responses";
import { DocumentNumberParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Eventos de factura obtenidos exitosamente";

export const invoiceEventsRoute = defineRoute("factus", {
  method: "get",
  path: "/{number}/events",
  operationId: "listInvoiceEvents",
  tags: ["Facturas"],
  summary: "Eventos RADIAN de una factura",
  description:
    "Eventos que el adquiriente registró ante la DIAN (RADIAN): 030 acuse de recibo, 031 reclamo, 032 recibo del " +
    "bien o servicio, 033 aceptación expresa, 034 aceptación tácita.",
  request: { params: DocumentNumberParam },
  responses: { 200: jsonResponse(successEnvelope(z.array(RadianEvent), MESSAGE), "Eventos de la factura") },
});

export const invoiceEvents: RouteHandler<typeof invoiceEventsRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const events = await callFactus(
    () => c.get("factus").bills.events(number, upstream(c)),
    `No existe la factura ${number}`,
  );
  const data = publicEvents(events);
  return c.json({ message: MESSAGE, data }, 200);
};

/** Factus' RADIAN events (either version) in the public fields. */
export const publicEvents = (
  events: {
    number: string;
    cude: string;
    event_code: string;
    event_name: string;
    effective_date: string;
    effective_time: string;
  }[],
) =>
  events.map((event) => ({
    number: event.number,
    cude: event.cude,
    event_code: event.event_code,
    event_name: event.event_name,
    effective_date: event.effective_date,
    effective_time: event.effective_time,
  }));
