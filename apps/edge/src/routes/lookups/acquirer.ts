import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { Acquirer, AcquirerQuery } from "@factus-edge/contracts/schemas/lookups";
import type { RouteHandler } from "@hono/zod-openapi";
import { callFactus, upstream } from "../../factus/call";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Adquiriente obtenido exitosamente";

export const acquirerRoute = defineRoute("factus", {
  method: "get",
  path: "/acquirer",
  operationId: "lookupAcquirer",
  tags: ["Catálogos"],
  summary: "Datos de un adquiriente en la DIAN",
  description:
    "Nombre y correo que la DIAN tiene registrados para una identificación: útil para prellenar el cliente.",
  request: { query: AcquirerQuery },
  responses: { 200: jsonResponse(successEnvelope(Acquirer, MESSAGE), "Adquiriente") },
});

export const acquirer: RouteHandler<typeof acquirerRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const found = await callFactus(() =>
    c.get("factus").catalogs.acquirer(
      {
        identificationDocumentId: Number(query.identification_document_id),
        identificationNumber: query.identification_number,
      },
      upstream(c),
    ),
  );
  return c.json({ message: MESSAGE, data: { name: found.name, email: found.email } }, 200);
};
