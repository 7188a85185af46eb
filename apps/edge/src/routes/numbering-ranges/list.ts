import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { NumberingRange, NumberingRangeQuery } from "@factus-edge/contracts/schemas/numbering-ranges";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { numberingRange } from "../../documents/numbering-ranges";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Rangos de numeración obtenidos exitosamente";

export const listRangesRoute = defineRoute("factus", {
  method: "get",
  path: "/",
  operationId: "listNumberingRanges",
  tags: ["Rangos de numeración"],
  summary: "Listar rangos de numeración",
  description:
    "Rangos autorizados por la DIAN en la cuenta de Factus. `numbering_range_id` puede omitirse al crear una " +
    "factura solo si hay exactamente un rango de facturas activo.",
  request: { query: NumberingRangeQuery },
  responses: { 200: jsonResponse(successEnvelope(z.array(NumberingRange), MESSAGE), "Rangos") },
});

export const listRanges: RouteHandler<typeof listRangesRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const ranges = await callFactus(() => c.get("factus").numberingRanges.list(query, upstream(c)));
  return c.json({ message: MESSAGE, data: ranges.map(numberingRange) }, 200);
};
