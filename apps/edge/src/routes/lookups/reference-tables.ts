import { REFERENCE_TABLES } from "@factus-edge/contracts/reference-tables";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Tablas obtenidas exitosamente";

export const referenceTablesRoute = defineRoute("user", {
  method: "get",
  path: "/reference-tables",
  operationId: "lookupReferenceTables",
  tags: ["Catálogos"],
  summary: "Tablas de referencia estáticas",
  description:
    "Catálogos DIAN/Factus que no cambian (tipos de documento, organizaciones, tributos, medios y formas de pago, " +
    "estándares, tipos de operación, eventos RADIAN…), por el campo de la factura que llenan. No llama a Factus.",
  responses: {
    200: jsonResponse(successEnvelope(z.record(z.string(), z.array(z.looseObject({}))), MESSAGE), "Tablas"),
  },
});

export const referenceTables: RouteHandler<typeof referenceTablesRoute, AppEnv> = (c) =>
  c.json({ message: MESSAGE, data: REFERENCE_TABLES as unknown as Record<string, object[]> }, 200);
