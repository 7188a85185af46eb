import {
  API_KEY_SCOPES,
  ApiKey,
  CreateApiKeyRequest,
  CreatedApiKey,
} from "@factus-edge/contracts/schemas/connections";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { ResourceIdParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { type ApiKeyRow, createApiKey, listApiKeys, revokeApiKey } from "../../auth/api-keys";
import { ownConnection } from "../../factus/connections/manage";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import { createRouter } from "../../platform/router";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

// A logged-in user's API keys. A key is shown once, at creation; only its hash is kept.

const TAG = "Claves de API";

const view = (row: ApiKeyRow) => ({
  id: row.id,
  prefix: row.prefix,
  name: row.name,
  connection_id: row.connection_id,
  scopes: row.scopes.split(" ") as ApiKey["scopes"],
  created_at: new Date(row.created_at).toISOString(),
  last_used_at: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString(),
});

const createRoute = defineRoute(
  "user",
  {
    method: "post",
    path: "/",
    operationId: "createApiKey",
    tags: [TAG],
    summary: "Crear una clave de API para un sistema",
    description:
      "Una clave para una conexión de Factus del usuario, con permisos `documents:read` y/o `documents:write` (las dos " +
      "por defecto). La clave se muestra solo en esta respuesta. Un sistema la envía como `Authorization: Bearer " +
      "<clave>` y no necesita iniciar sesión ni X-Factus-Token; no administra claves, conexiones ni la cuenta.",
    request: jsonBody(CreateApiKeyRequest, "La clave", {
      name: "ERP de producción",
      connection_id: "fc_0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      scopes: ["documents:read", "documents:write"],
    }),
    responses: {
      201: jsonResponse(successEnvelope(CreatedApiKey, "Clave creada"), "La clave, una sola vez"),
    },
  },
  { errors: ["NOT_FOUND"] },
);

const listRoute = defineRoute("user", {
  method: "get",
  path: "/",
  operationId: "listApiKeys",
  tags: [TAG],
  summary: "Listar las claves de API vigentes del usuario",
  description:
    "Las claves vigentes del usuario por su prefijo (la clave misma no se guarda), con sus permisos, su conexión y " +
    "cuándo se usaron por última vez.",
  responses: {
    200: jsonResponse(successEnvelope(z.array(ApiKey), "Claves obtenidas"), "Las claves (sin la clave)", {
      message: "Claves obtenidas",
      data: [
        {
          id: "key_5f0c8a1b2d3e4f5a6b7c",
          prefix: "fek_Q2xhdmVk",
          name: "ERP de producción",
          connection_id: "fc_0f1e2d3c4b5a69788796a5b4c3d2e1f0",
          scopes: ["documents:read", "documents:write"],
          created_at: "2026-12-03T12:00:00.000Z",
          last_used_at: null,
        },
      ],
    }),
  },
});

const revokeRoute = defineRoute(
  "user",
  {
    method: "delete",
    path: "/{id}",
    operationId: "revokeApiKey",
    tags: [TAG],
    summary: "Revocar una clave de API",
    description: "Deja de servir al instante en este punto de la red y en todos en 30 s como máximo.",
    request: { params: ResourceIdParam },
    responses: {
      200: jsonResponse(successEnvelope(z.object({ id: z.string() }), "Clave revocada"), "Revocada"),
    },
  },
  { errors: ["NOT_FOUND"] },
);

const create: RouteHandler<typeof createRoute, AppEnv> = async (c) => {
  const { name, connection_id, scopes } = c.req.valid("json");
  await ownConnection(c, connection_id);
  const { row, key } = await createApiKey(c.env.DB, {
    userId: c.get("user").id,
    connectionId: connection_id,
    name,
    scopes: scopes ? [...new Set(scopes)] : [...API_KEY_SCOPES],
  });
  const { last_used_at: _never, ...shown } = view(row);
  c.header("Cache-Control", "no-store");
  return c.json({ message: "Clave creada", data: { ...shown, key } }, 201);
};

const list: RouteHandler<typeof listRoute, AppEnv> = async (c) =>
  c.json(
    { message: "Claves obtenidas", data: (await listApiKeys(c.env.DB, c.get("user").id)).map(view) },
    200,
  );

const revoke: RouteHandler<typeof revokeRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  if (!(await revokeApiKey(c.env.DB, c.get("user").id, id)))
    throw new ApiError("NOT_FOUND", { message: `No existe la clave ${id}` });
  return c.json({ message: "Clave revocada", data: { id } }, 200);
};

export const apiKeysRouter = createRouter()
  .openapi(createRoute, create)
  .openapi(listRoute, list)
  .openapi(revokeRoute, revoke);
