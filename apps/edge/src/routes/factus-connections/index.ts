import { FactusConnection, FactusConnectionRequest } from "@factus-edge/contracts/schemas/connections";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { ResourceIdParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { forgetKeysOfConnection } from "../../auth/api-keys";
import {
  connectionView,
  listConnections,
  openConnection,
  reauthorizeConnection,
  removeConnection,
} from "../../factus/connections/manage";
import { UPSTREAM_ERROR_CODES } from "../../factus/errors";
import type { AppEnv } from "../../platform/context";
import { createRouter } from "../../platform/router";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

// A logged-in user's stored Factus connections (README, "From a server: API keys"). An API key cannot reach them.

const TAG = "Conexiones de Factus";

const createRoute = defineRoute(
  "user",
  {
    method: "post",
    path: "/",
    operationId: "createFactusConnection",
    tags: [TAG],
    summary: "Guardar una conexión con una cuenta de Factus",
    description:
      "Inicia sesión en Factus con el correo y la contraseña de la cuenta (que no se guardan), aprende la empresa y la " +
      "versión de la API de la cuenta, y guarda sus tokens cifrados. El servicio los renueva solo; las claves de API " +
      "(POST /api-keys) y `X-Factus-Connection` actúan con ella, sin X-Factus-Token.",
    request: jsonBody(FactusConnectionRequest, "Credenciales de la cuenta de Factus", {
      email: "sandbox@factus.local",
      password: "sandbox-password",
    }),
    responses: { 201: jsonResponse(successEnvelope(FactusConnection, "Conexión guardada"), "La conexión") },
  },
  { errors: ["FACTUS_UNAUTHENTICATED", ...UPSTREAM_ERROR_CODES] },
);

const listRoute = defineRoute("user", {
  method: "get",
  path: "/",
  operationId: "listFactusConnections",
  tags: [TAG],
  summary: "Listar las conexiones de Factus del usuario",
  description:
    "Las conexiones guardadas por el usuario, con su empresa, la versión de la API de Factus de la cuenta y su estado " +
    "(`needs_reauth` cuando Factus ya no acepta el token guardado).",
  responses: {
    200: jsonResponse(successEnvelope(z.array(FactusConnection), "Conexiones obtenidas"), "Las conexiones", {
      message: "Conexiones obtenidas",
      data: [
        {
          id: "fc_0f1e2d3c4b5a69788796a5b4c3d2e1f0",
          company: { nit: "900825759", name: "EMPRESA DEMO S.A.S." },
          api_version: "v1",
          status: "active",
          created_at: "2026-12-03T12:00:00.000Z",
        },
      ],
    }),
  },
});

const reauthorizeRoute = defineRoute(
  "user",
  {
    method: "post",
    path: "/{id}/reauthorize",
    operationId: "reauthorizeFactusConnection",
    tags: [TAG],
    summary: "Renovar una conexión que Factus ya no acepta",
    description:
      "Para una conexión en `needs_reauth`: vuelve a iniciar sesión con las credenciales de la misma empresa y la deja " +
      "`active` con el mismo id, de modo que sus claves de API siguen sirviendo.",
    request: {
      params: ResourceIdParam,
      ...jsonBody(FactusConnectionRequest, "Credenciales de la cuenta de Factus"),
    },
    responses: { 200: jsonResponse(successEnvelope(FactusConnection, "Conexión renovada"), "La conexión") },
  },
  { errors: ["NOT_FOUND", "CONFLICT", "FACTUS_UNAUTHENTICATED", ...UPSTREAM_ERROR_CODES] },
);

const deleteRoute = defineRoute(
  "user",
  {
    method: "delete",
    path: "/{id}",
    operationId: "deleteFactusConnection",
    tags: [TAG],
    summary: "Eliminar una conexión y sus claves de API",
    description:
      "Borra la conexión, sus tokens cifrados y todas las claves de API que actúan con ella (dejan de servir al " +
      "instante aquí y en 30 s como máximo en toda la red).",
    request: { params: ResourceIdParam },
    responses: {
      200: jsonResponse(successEnvelope(z.object({ id: z.string() }), "Conexión eliminada"), "Eliminada"),
    },
  },
  { errors: ["NOT_FOUND"] },
);

const create: RouteHandler<typeof createRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const row = await openConnection(c, email, password);
  c.header("Cache-Control", "no-store");
  return c.json({ message: "Conexión guardada", data: connectionView(row) }, 201);
};

const list: RouteHandler<typeof listRoute, AppEnv> = async (c) =>
  c.json({ message: "Conexiones obtenidas", data: (await listConnections(c)).map(connectionView) }, 200);

const reauthorize: RouteHandler<typeof reauthorizeRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const row = await reauthorizeConnection(c, c.req.valid("param").id, email, password);
  return c.json({ message: "Conexión renovada", data: connectionView(row) }, 200);
};

const remove: RouteHandler<typeof deleteRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  await removeConnection(c, id);
  forgetKeysOfConnection(id);
  return c.json({ message: "Conexión eliminada", data: { id } }, 200);
};

export const factusConnectionsRouter = createRouter()
  .openapi(createRoute, create)
  .openapi(listRoute, list)
  .openapi(reauthorizeRoute, reauthorize)
  .openapi(deleteRoute, remove);
