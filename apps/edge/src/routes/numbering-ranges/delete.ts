import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Rango de numeración eliminado exitosamente";

const RangeIdParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,10}$/, { error: "Id de rango inválido" })
    .meta({ param: { name: "id", in: "path" }, examples: ["4"] }),
});

export const deleteRangeRoute = defineRoute("admin", {
  method: "delete",
  path: "/{id}",
  operationId: "deleteNumberingRange",
  tags: ["Rangos de numeración"],
  summary: "Eliminar un rango de numeración (administración)",
  description:
    "**Acción administrativa**, para quien administra la cuenta de Factus. Factus solo elimina un rango que no ha " +
    "numerado ningún documento.",
  request: { params: RangeIdParam },
  responses: {
    200: jsonResponse(successEnvelope(z.object({ id: z.int() }), MESSAGE), "Rango eliminado"),
  },
});

export const deleteRange: RouteHandler<typeof deleteRangeRoute, AppEnv> = async (c) => {
  const id = Number(c.req.valid("param").id);
  await callFactus(() => c.get("factus").numberingRanges.delete(id, upstream(c)), `No existe el rango ${id}`);
  return c.json({ message: MESSAGE, data: { id } }, 200);
};
