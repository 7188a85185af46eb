import { FactusCreateNumberingRangeRequest } from "@factus-edge/contracts/factus/numbering-ranges";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { NumberingRange } from "@factus-edge/contracts/schemas/numbering-ranges";
import type { RouteHandler } from "@hono/zod-openapi";
import { notOnV2 } from "../../documents/kinds/flow";
import { numberingRange } from "../../documents/numbering-ranges";
import { callFactus, upstream } from "../../factus/call";
import { factusVersionOf } from "../../factus/documents";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Rango de numeración creado exitosamente";

export const createRangeRoute = defineRoute("admin", {
  method: "post",
  path: "/",
  operationId: "createNumberingRange",
  tags: ["Rangos de numeración"],
  summary: "Crear un rango de numeración (administración)",
  description:
    "**Acción administrativa**: la llama quien administra la cuenta de Factus, no la aplicación que factura. El " +
    "rango debe corresponder a una resolución de la DIAN (`GET /numbering-ranges/dian` lista las asociadas al " +
    "software); un rango mal creado hace que la DIAN rechace las facturas después de numerarlas. `document` es el " +
    'código Factus del tipo ("21" factura, "22" nota crédito…).',
  request: jsonBody(FactusCreateNumberingRangeRequest, "El rango", {
    document: "21",
    prefix: "FV",
    current: 1,
    from: 1,
    to: 1000,
    resolution_number: "18760000001",
    technical_key: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c",
    start_date: "2026-01-01",
    end_date: "2027-01-01",
  }),
  responses: { 201: jsonResponse(successEnvelope(NumberingRange, MESSAGE), "Rango creado") },
});

/** What a v2 range takes from DIAN's resolution itself, and so cannot be sent. */
const FROM_RESOLUTION_ON_V2 = ["technical_key", "from", "to", "start_date", "end_date"] as const;

export const createRange: RouteHandler<typeof createRangeRoute, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  if ((await callFactus(() => factusVersionOf(c))) === "v2") {
    const sent = FROM_RESOLUTION_ON_V2.filter((field) => body[field] !== undefined);
    if (sent.length > 0) {
      throw notOnV2(
        sent.map((field) => ({
          path: [field],
          message: `Factus v2 toma ${field} de la resolución de la DIAN: no se envía`,
        })),
      );
    }
  }
  const range = await callFactus(() => c.get("factus").numberingRanges.create(body, upstream(c)));
  return c.json({ message: MESSAGE, data: numberingRange(range) }, 201);
};
