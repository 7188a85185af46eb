import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { ResourceIdParam } from "@factus-edge/contracts/schemas/path-params";
import {
  CreateWebhookEndpointRequest,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from "@factus-edge/contracts/schemas/webhooks";
import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import { wakeCompany } from "../../completion/wake";
import { companyNitOf } from "../../factus/company";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import { createRouter } from "../../platform/router";
import { deliveryView, endpointDeliveries, publish, redeliver } from "../../webhooks/deliveries";
import {
  companyEndpoint,
  companyEndpoints,
  createEndpoint,
  deleteEndpoint,
  enableEndpoint,
  endpointView,
  rotateSecret,
} from "../../webhooks/endpoints";
import { webhookUrlProblem } from "../../webhooks/urls";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

// A company's webhook endpoints (README, "Webhooks"). They belong to the Factus company the caller acts for, so every
// user and system of that company sees the same ones. Managing them takes `documents:write` with an API key.

const TAG = "Webhooks";
const SCOPE = { scope: "documents:write" } as const;
const DeliveryParams = ResourceIdParam.extend({
  delivery_id: z
    .string()
    .regex(/^msg_[a-f0-9]{32}$/, { error: "Id de entrega inválido" })
    .meta({ param: { name: "delivery_id", in: "path" }, examples: ["msg_2f1c0b7a9d8e4f3a2b1c0d9e8f7a6b5c"] }),
});

async function ownEndpoint(c: Context<AppEnv>, id: string) {
  const row = await companyEndpoint(c.env.DB, await companyNitOf(c), id);
  if (!row) throw new ApiError("NOT_FOUND", { message: `No existe el endpoint ${id}` });
  return row;
}

const createRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/",
    operationId: "createWebhookEndpoint",
    tags: [TAG],
    summary: "Registrar un endpoint de webhooks",
    description:
      "El servicio avisará a esta URL de los eventos elegidos de los documentos de la empresa, firmados según " +
      "Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). El `secret` para verificarlos se " +
      "muestra solo en esta respuesta. La URL debe ser https y pública.",
    request: jsonBody(CreateWebhookEndpointRequest, "El endpoint", {
      url: "https://erp.example.com/hooks/factus",
      events: ["invoice.validated", "invoice.rejected"],
    }),
    responses: {
      201: jsonResponse(
        successEnvelope(WebhookEndpointWithSecret, "Endpoint registrado"),
        "El endpoint y su secreto",
      ),
    },
  },
  SCOPE,
);

const listRoute = defineRoute(
  "factus",
  {
    method: "get",
    path: "/",
    operationId: "listWebhookEndpoints",
    tags: [TAG],
    summary: "Listar los endpoints de webhooks de la empresa",
    description:
      "Los endpoints de la empresa de Factus con la que actúa quien llama (todos sus usuarios y sistemas ven los " +
      "mismos), sin sus secretos.",
    responses: { 200: jsonResponse(successEnvelope(z.array(WebhookEndpoint), "Endpoints"), "Los endpoints") },
  },
  SCOPE,
);

const getRoute = defineRoute(
  "factus",
  {
    method: "get",
    path: "/{id}",
    operationId: "getWebhookEndpoint",
    tags: [TAG],
    summary: "Consultar un endpoint de webhooks",
    description:
      "El endpoint, si está habilitado y, si no, por qué (`disabled_reason`) y desde cuándo fallan sus entregas.",
    request: { params: ResourceIdParam },
    responses: { 200: jsonResponse(successEnvelope(WebhookEndpoint, "Endpoint"), "El endpoint") },
  },
  SCOPE,
);

const deleteRoute = defineRoute(
  "factus",
  {
    method: "delete",
    path: "/{id}",
    operationId: "deleteWebhookEndpoint",
    tags: [TAG],
    summary: "Eliminar un endpoint de webhooks y sus entregas",
    description: "Deja de avisar a esta URL al instante; sus entregas pendientes se descartan.",
    request: { params: ResourceIdParam },
    responses: {
      200: jsonResponse(successEnvelope(z.object({ id: z.string() }), "Endpoint eliminado"), "Eliminado"),
    },
  },
  SCOPE,
);

const action = (path: string, operationId: string, summary: string, description: string, schema: z.ZodType) =>
  defineRoute(
    "factus",
    {
      method: "post",
      path,
      operationId,
      tags: [TAG],
      summary,
      description,
      request: { params: ResourceIdParam },
      responses: { 200: jsonResponse(successEnvelope(schema, summary), summary) },
    },
    SCOPE,
  );

const testRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/{id}/test",
    operationId: "testWebhookEndpoint",
    tags: [TAG],
    summary: "Enviar un evento de prueba",
    description:
      "Envía `webhook.test` a este endpoint, firmado como cualquier evento. Su entrega se ve en /deliveries.",
    request: { params: ResourceIdParam },
    responses: {
      202: jsonResponse(
        successEnvelope(z.object({ delivery_id: z.string() }), "Prueba en camino"),
        "La entrega",
      ),
    },
  },
  SCOPE,
);
const rotateRoute = action(
  "/{id}/rotate-secret",
  "rotateWebhookSecret",
  "Rotar el secreto de un endpoint",
  "Un secreto nuevo, mostrado solo aquí. Durante 24 h cada entrega va firmada con el nuevo y con el anterior " +
    "(dos firmas en `webhook-signature`), para cambiarlo en el receptor sin perder eventos.",
  WebhookEndpointWithSecret,
);
const enableRoute = action(
  "/{id}/enable",
  "enableWebhookEndpoint",
  "Habilitar un endpoint deshabilitado",
  "Un endpoint cuyas entregas fallaron durante 3 días se deshabilita; este llamado lo habilita de nuevo. Las " +
    "entregas que fallaron se reenvían una a una con …/deliveries/{delivery_id}/retry.",
  WebhookEndpoint,
);

const deliveriesRoute = defineRoute(
  "factus",
  {
    method: "get",
    path: "/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    tags: [TAG],
    summary: "Entregas recientes de un endpoint",
    description:
      "Las 100 entregas más recientes, con su estado, intentos y la última respuesta del endpoint.",
    request: { params: ResourceIdParam },
    responses: { 200: jsonResponse(successEnvelope(z.array(WebhookDelivery), "Entregas"), "Las entregas") },
  },
  SCOPE,
);

const redeliverRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/{id}/deliveries/{delivery_id}/retry",
    operationId: "retryWebhookDelivery",
    tags: [TAG],
    summary: "Reenviar una entrega",
    description:
      "La envía de nuevo ahora, con el mismo `webhook-id` (el receptor la reconoce si ya la procesó).",
    request: { params: DeliveryParams },
    responses: { 202: jsonResponse(successEnvelope(WebhookDelivery, "Entrega programada"), "La entrega") },
  },
  SCOPE,
);

const create: RouteHandler<typeof createRoute, AppEnv> = async (c) => {
  const { url, events } = c.req.valid("json");
  const problem = webhookUrlProblem(url, c.get("config").webhookAllowPrivateUrls);
  if (problem) {
    throw new ApiError("VALIDATION_FAILED", {
      message: `La URL del endpoint ${problem}`,
      details: [{ path: "url", message: problem }],
    });
  }
  const nit = await companyNitOf(c);
  const { row, secret } = await createEndpoint(c.env, { nit, userId: c.get("user").id }, url, events);
  c.header("Cache-Control", "no-store");
  return c.json({ message: "Endpoint registrado", data: { ...endpointView(row), secret } }, 201);
};

const list: RouteHandler<typeof listRoute, AppEnv> = async (c) => {
  const rows = await companyEndpoints(c.env.DB, await companyNitOf(c));
  return c.json({ message: "Endpoints", data: rows.map(endpointView) }, 200);
};

const get: RouteHandler<typeof getRoute, AppEnv> = async (c) =>
  c.json({ message: "Endpoint", data: endpointView(await ownEndpoint(c, c.req.valid("param").id)) }, 200);

const remove: RouteHandler<typeof deleteRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  if (!(await deleteEndpoint(c.env.DB, await companyNitOf(c), id)))
    throw new ApiError("NOT_FOUND", { message: `No existe el endpoint ${id}` });
  return c.json({ message: "Endpoint eliminado", data: { id } }, 200);
};

const test: RouteHandler<typeof testRoute, AppEnv> = async (c) => {
  const row = await ownEndpoint(c, c.req.valid("param").id);
  if (row.enabled !== 1)
    throw new ApiError("CONFLICT", {
      message: "El endpoint está deshabilitado: habilítelo antes de probarlo",
    });
  const data = () => ({ message: "Evento de prueba de Factus edge", endpoint_id: row.id });
  const [id] = await publish(c.env, row.company_nit, { type: "webhook.test", data }, row.id);
  return c.json({ message: "Prueba en camino", data: { delivery_id: id! } }, 202);
};

const rotate: RouteHandler<typeof rotateRoute, AppEnv> = async (c) => {
  const { row, secret } = await rotateSecret(c.env, await ownEndpoint(c, c.req.valid("param").id));
  c.header("Cache-Control", "no-store");
  return c.json({ message: "Secreto rotado", data: { ...endpointView(row), secret } }, 200);
};

const enable: RouteHandler<typeof enableRoute, AppEnv> = async (c) => {
  const row = await ownEndpoint(c, c.req.valid("param").id);
  const enabled = await enableEndpoint(c.env.DB, row.id);
  return c.json({ message: "Endpoint habilitado", data: endpointView(enabled!) }, 200);
};

const deliveries: RouteHandler<typeof deliveriesRoute, AppEnv> = async (c) => {
  const row = await ownEndpoint(c, c.req.valid("param").id);
  const rows = await endpointDeliveries(c.env.DB, row.id, 100);
  return c.json({ message: "Entregas", data: rows.map(deliveryView) }, 200);
};

const retryDelivery: RouteHandler<typeof redeliverRoute, AppEnv> = async (c) => {
  const { id, delivery_id } = c.req.valid("param");
  const row = await ownEndpoint(c, id);
  const delivery = await redeliver(c.env.DB, row.id, delivery_id);
  if (!delivery) throw new ApiError("NOT_FOUND", { message: `No existe la entrega ${delivery_id}` });
  await wakeCompany(c.env, row.company_nit);
  return c.json({ message: "Entrega programada", data: deliveryView(delivery) }, 202);
};

export const webhookEndpointsRouter = createRouter()
  .openapi(createRoute, create)
  .openapi(listRoute, list)
  .openapi(getRoute, get)
  .openapi(deleteRoute, remove)
  .openapi(testRoute, test)
  .openapi(rotateRoute, rotate)
  .openapi(enableRoute, enable)
  .openapi(deliveriesRoute, deliveries)
  .openapi(redeliverRoute, retryDelivery);
