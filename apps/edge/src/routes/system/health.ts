import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import type { AppEnv } from "../../platform/context";
import { createRouter } from "../../platform/router";
import { defineRoute, jsonResponse } from "../define-route";

export const healthRoute = defineRoute("public", {
  method: "get",
  path: "/health",
  operationId: "health",
  tags: ["Sistema"],
  summary: "Estado del servicio",
  description: "Responde 200 si el Worker está arriba. No requiere autenticación ni consulta a Factus.",
  responses: {
    200: jsonResponse(
      successEnvelope(z.object({ status: z.literal("ok") }), "Servicio disponible"),
      "Disponible",
    ),
  },
});

const health: RouteHandler<typeof healthRoute, AppEnv> = (c) =>
  c.json({ message: "Servicio disponible", data: { status: "ok" as const } }, 200);

export const healthRouter = createRouter().openapi(healthRoute, health);
