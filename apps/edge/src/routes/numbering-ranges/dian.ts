import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Rangos de la DIAN obtenidos exitosamente";

const DianRange = z
  .object({
    resolution_number: z.string(),
    prefix: z.string(),
    from: z.int(),
    to: z.int(),
    start_date: z.string(),
    end_date: z.string(),
    technical_key: z.string().nullable(),
  })
  .meta({ id: "DianRange" });

export const dianRangesRoute = defineRoute("admin", {
  method: "get",
  path: "/dian",
  operationId: "listDianRanges",
  tags: ["Rangos de numeración"],
  summary: "Rangos autorizados por la DIAN (administración)",
  description:
    "Las resoluciones de numeración que la DIAN asoció al software de facturación: de ellas salen los rangos que " +
    "se crean con POST /numbering-ranges. Para quien administra la cuenta de Factus.",
  responses: { 200: jsonResponse(successEnvelope(z.array(DianRange), MESSAGE), "Rangos de la DIAN") },
});

export const dianRanges: RouteHandler<typeof dianRangesRoute, AppEnv> = async (c) => {
  const ranges = await callFactus(() => c.get("factus").numberingRanges.dian(upstream(c)));
  const data = ranges.map((range) => ({
    resolution_number: range.resolution_number,
    prefix: range.prefix,
    from: Number(range.from),
    to: Number(range.to),
    start_date: range.start_date,
    end_date: range.end_date,
    technical_key: range.technical_key,
  }));
  return c.json({ message: MESSAGE, data }, 200);
};
