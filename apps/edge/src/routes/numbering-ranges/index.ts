import { successEnvelope } from "@factus-edge/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import type { AppEnv } from "../../lib/context";
import { AUTH_ERRORS, errorResponses, FACTUS_ERRORS, FACTUS_SECURITY, jsonResponse } from "../../lib/openapi";
import { createRouter } from "../../lib/router";
import { callFactus, upstream } from "../../lib/upstream";
import { requireFactusToken, requireUser } from "../../middleware/auth";
import { userRateLimit } from "../../middleware/rate-limiter";
import { FactusHeaders } from "../invoices/schema";

const MESSAGE = "Rangos de numeración obtenidos exitosamente";

export const NumberingRange = z
  .object({
    id: z.int(),
    document: z.string().meta({ description: 'Tipo de documento ("Factura de Venta", "Nota Crédito"…).' }),
    prefix: z.string(),
    from: z.int(),
    to: z.int(),
    current: z.int().meta({ description: "Siguiente consecutivo." }),
    resolution_number: z.string().nullable(),
    start_date: z.string().nullable(),
    end_date: z.string().nullable(),
    technical_key: z.string().nullable(),
    is_expired: z.boolean(),
    is_active: z.boolean(),
  })
  .meta({ id: "NumberingRange" });

const RangeQuery = z.strictObject({
  id: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
  document: z.string().max(50).optional(),
  resolution_number: z.string().max(50).optional(),
  technical_key: z.string().max(100).optional(),
  is_active: z.enum(["0", "1"]).optional(),
});

export const listRangesRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listNumberingRanges",
  tags: ["Rangos de numeración"],
  summary: "Listar rangos de numeración",
  description:
    "Rangos autorizados por la DIAN en la cuenta de Factus. `numbering_range_id` puede omitirse al crear una " +
    "factura solo si hay exactamente un rango de facturas activo.",
  security: FACTUS_SECURITY,
  middleware: [requireUser, userRateLimit, requireFactusToken] as const,
  request: { query: RangeQuery, headers: FactusHeaders },
  responses: {
    200: jsonResponse(successEnvelope(z.array(NumberingRange), MESSAGE), "Rangos"),
    ...errorResponses(...AUTH_ERRORS, ...FACTUS_ERRORS, "VALIDATION_FAILED"),
  },
});

const listRanges: RouteHandler<typeof listRangesRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const ranges = await callFactus(() => c.get("factus").numberingRanges.list(query, upstream(c)));
  const data = ranges.map((range) => ({
    id: range.id,
    document: range.document,
    prefix: range.prefix,
    from: range.from,
    to: range.to,
    current: range.current,
    resolution_number: range.resolution_number,
    start_date: range.start_date,
    end_date: range.end_date,
    technical_key: range.technical_key,
    is_expired: range.is_expired,
    is_active: range.is_active === 1,
  }));
  return c.json({ message: MESSAGE, data }, 200);
};

export const numberingRangesRouter = createRouter().openapi(listRangesRoute, listRanges);
