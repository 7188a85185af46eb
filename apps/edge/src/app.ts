import { OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import es from "zod/v4/locales/es.js";
import { factusClientFor } from "./factus/client";
import { API_BASE } from "./platform/api-base";
import type { Config } from "./platform/config";
import type { AppEnv } from "./platform/context";
import { answerError, answerNotFound } from "./platform/errors";
import { cors } from "./platform/middleware/cors";
import { jsonBodyGuard } from "./platform/middleware/json-body";
import { requestLogger } from "./platform/middleware/logger";
import { requestId } from "./platform/middleware/request-id";
import { securityHeaders } from "./platform/middleware/security-headers";
import { ROUTE_MOUNTS, type Router } from "./routes/mounts";
import { docsRouter } from "./routes/system/docs";

// Default validation messages in Spanish, like the rest of the API. Imported alone: `z.locales` would bundle all 40+.
z.config(es());

/**
 * The API with the routers given: middleware and error handling. The Worker builds one per router, on the first
 * request that needs it (api.ts); `createApp` builds it with all of them.
 */
export function buildApp(
  config: Config,
  routers: readonly { base: string; router: Router }[],
  // One per configuration, shared by every router's app: what it learns about a token (its Factus version, its
  // tokens) is learnt once per isolate, not once per router.
  factus = factusClientFor(config),
) {
  const app = new OpenAPIHono<AppEnv>();

  app.use("*", requestId);
  app.use("*", requestLogger);
  app.use("*", async (c, next) => {
    c.set("config", config);
    c.set("factus", factus);
    await next();
  });
  app.use("*", securityHeaders);
  app.use("*", cors);
  app.use("*", jsonBodyGuard);

  app.onError(answerError);
  app.notFound(answerNotFound);

  for (const { base, router } of routers) app.route(base, router);

  return app;
}

/** The whole API: every router, the OpenAPI document generated from them and the docs UI. */
export async function createApp(config: Config) {
  const routers = await Promise.all(
    ROUTE_MOUNTS.map(async ({ base, load }) => ({ base, router: await load() })),
  );
  const app = buildApp(config, routers);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "Token local de POST /api/v1/auth/login.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "factusToken", {
    type: "apiKey",
    in: "header",
    name: "X-Factus-Token",
    description: "access_token de Factus (POST /api/v1/auth/factus/login). Se reenvía solo a Factus.",
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "factusConnection", {
    type: "apiKey",
    in: "header",
    name: "X-Factus-Connection",
    description: "Id de una conexión de Factus guardada por el usuario (POST /api/v1/factus-connections).",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "fek_…",
    description:
      "Clave de API de un sistema (POST /api/v1/api-keys): `Authorization: Bearer fek_…`, sin X-Factus-Token. Sus " +
      "permisos (`documents:read`, `documents:write`) son los que cada operación exige.",
  });

  let document: unknown;
  app.get(`${API_BASE}/openapi.json`, (c) => {
    document ??= buildOpenApiDocument(app);
    return c.json(document);
  });
  app.route(`${API_BASE}/docs`, docsRouter(`${API_BASE}/openapi.json`));
  return app;
}

/** The OpenAPI 3.1 document, generated from the routes themselves (built once per isolate by the route above). */
export function buildOpenApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Factus edge API",
      version: "1.0.0",
      description:
        "API de facturación electrónica colombiana (DIAN) sobre Factus, en el borde de Cloudflare. Toda respuesta " +
        "exitosa es `{ message, data }`; todo error es `{ message, error: { code, request_id, details } }`.",
    },
    servers: [{ url: "/", description: "Este servidor" }],
    tags: [
      { name: "Autenticación", description: "Sesión local y sesión de Factus." },
      { name: "Facturas", description: "Facturas electrónicas de venta." },
      {
        name: "Notas crédito",
        description:
          "La corrección legal de una factura validada: devolución, descuento, ajuste o anulación.",
      },
      {
        name: "Notas débito",
        description:
          "Lo que aumenta el cobro de una factura validada: intereses, gastos, un cambio de valor (Factus v2).",
      },
      {
        name: "Documentos soporte",
        description:
          "Las compras a quien no factura (documento soporte) y sus notas de ajuste: la empresa es la compradora.",
      },
      {
        name: "Lotes",
        description:
          "Cientos o miles de facturas en una solicitud, emitidas en segundo plano al ritmo de Factus.",
      },
      {
        name: "Contabilidad",
        description: "El libro del servicio: quién emitió qué, exportaciones y totales por día.",
      },
      { name: "Rangos de numeración", description: "Rangos autorizados por la DIAN." },
      { name: "Empresa", description: "La empresa emisora y su suscripción de Factus." },
      {
        name: "Catálogos",
        description: "Municipios, tributos, unidades, países, adquirientes y tablas DIAN.",
      },
      {
        name: "Webhooks",
        description: "Avisos firmados (Standard Webhooks) a los sistemas de la empresa sobre sus documentos.",
      },
      { name: "Sistema", description: "Estado del servicio." },
    ],
  });
}
