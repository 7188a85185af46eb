import { OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import es from "zod/v4/locales/es.js";
import { factusClientFor } from "./factus/client";
import type { Config } from "./platform/config";
import type { AppEnv } from "./platform/context";
import { answerError, answerNotFound } from "./platform/errors";
import { cors } from "./platform/middleware/cors";
import { jsonBodyGuard } from "./platform/middleware/json-body";
import { requestLogger } from "./platform/middleware/logger";
import { requestId } from "./platform/middleware/request-id";
import { securityHeaders } from "./platform/middleware/security-headers";
import { API_BASE } from "./platform/router";
import { adjustmentNotesRouter } from "./routes/adjustment-notes";
import { apiKeysRouter } from "./routes/api-keys";
import { authRouter } from "./routes/auth";
import { companyRouter } from "./routes/company";
import { creditNotesRouter } from "./routes/credit-notes";
import { debitNotesRouter } from "./routes/debit-notes";
import { documentsRouter } from "./routes/documents";
import { factusConnectionsRouter } from "./routes/factus-connections";
import { invoiceBatchesRouter } from "./routes/invoice-batches";
import { invoicesRouter } from "./routes/invoices";
import { ledgerRouter } from "./routes/ledger";
import { lookupsRouter } from "./routes/lookups";
import { numberingRangesRouter } from "./routes/numbering-ranges";
import { supportDocumentsRouter } from "./routes/support-documents";
import { docsRouter } from "./routes/system/docs";
import { healthRouter } from "./routes/system/health";
import { webhookEndpointsRouter } from "./routes/webhook-endpoints";

// Default validation messages in Spanish, like the rest of the API. Imported alone: `z.locales` would bundle all 40+.
z.config(es());

/** The whole API: middleware, error handling, routes, OpenAPI document and docs UI. */
export function createApp(config: Config) {
  const app = new OpenAPIHono<AppEnv>();
  const factus = factusClientFor(config);

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

  app.route(API_BASE, healthRouter);
  app.route(`${API_BASE}/auth`, authRouter);
  app.route(`${API_BASE}/invoices`, invoicesRouter);
  app.route(`${API_BASE}/credit-notes`, creditNotesRouter);
  app.route(`${API_BASE}/debit-notes`, debitNotesRouter);
  app.route(`${API_BASE}/support-documents`, supportDocumentsRouter);
  app.route(`${API_BASE}/adjustment-notes`, adjustmentNotesRouter);
  app.route(`${API_BASE}/numbering-ranges`, numberingRangesRouter);
  app.route(`${API_BASE}/lookups`, lookupsRouter);
  app.route(`${API_BASE}/company`, companyRouter);
  app.route(`${API_BASE}/factus-connections`, factusConnectionsRouter);
  app.route(`${API_BASE}/api-keys`, apiKeysRouter);
  app.route(`${API_BASE}/webhook-endpoints`, webhookEndpointsRouter);
  app.route(`${API_BASE}/invoice-batches`, invoiceBatchesRouter);
  app.route(`${API_BASE}/documents`, documentsRouter);
  app.route(`${API_BASE}/ledger`, ledgerRouter);

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
