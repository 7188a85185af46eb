import { toFactusV2Bill } from "@factus-edge/contracts/mapping/to-factus-v2";
import {
  CreateInvoiceBatchRequest,
  InvoiceBatch,
  InvoiceBatchCreated,
  InvoiceBatchQuery,
} from "@factus-edge/contracts/schemas/batches";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { ErrorDetail } from "@factus-edge/contracts/schemas/errors";
import { CreateInvoiceRequest } from "@factus-edge/contracts/schemas/invoice-request";
import { ResourceIdParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import {
  batchItems,
  batchOf,
  cancelBatch,
  insertBatch,
  itemView,
  type NewItem,
  statusCounts,
} from "../../batches/store";
import { keepCallerToken } from "../../completion/credentials";
import { wakeCompany } from "../../completion/wake";
import { checkNumberingRange } from "../../documents/numbering-ranges";
import { companyNitOf } from "../../factus/company";
import { factusVersionOf } from "../../factus/documents";
import type { AppEnv } from "../../platform/context";
import { ApiError, validationError } from "../../platform/errors";
import { createRouter } from "../../platform/router";
import { sha256Hex } from "../../platform/sha256";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

// Month-end: many invoices in one request (README, "Batches"). Every invoice is validated and pre-flighted before any
// is sent; the accepted ones are issued in the background by the company's Durable Object, at the pace its Factus
// account allows (batches/runner.ts).

const TAG = "Lotes";
const MESSAGE = "Lote recibido";

const createRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/",
    operationId: "createInvoiceBatch",
    tags: [TAG],
    summary: "Emitir un lote de facturas en segundo plano",
    description:
      "Hasta 2.000 facturas, cada una como en POST /api/v1/invoices con su propio `reference_code`. Todas se validan " +
      "y se revisan antes de enviar ninguna (las que no pasan vuelven en `refused`, con sus errores; 422 si no pasa " +
      "ninguna). Las demás se emiten en segundo plano por el mismo camino que una sola (exactamente una por " +
      "`reference_code`, respuestas perdidas reconciliadas, pendientes terminadas por el servicio), a un ritmo que " +
      "nunca supera el límite de Factus (80 por minuto por cuenta) y deja espacio a las solicitudes interactivas. Con " +
      "`Idempotency-Key`, repetir la solicitud devuelve el mismo lote. Sin una conexión guardada (una clave de API), " +
      "el lote usa el token de Factus de quien llama, que Factus mantiene una hora.",
    request: jsonBody(CreateInvoiceBatchRequest, "Las facturas"),
    responses: {
      202: jsonResponse(successEnvelope(InvoiceBatchCreated, MESSAGE), "El lote, aceptado para emitirse"),
    },
  },
  { idempotent: true },
);

const getRoute = defineRoute("factus", {
  method: "get",
  path: "/{id}",
  operationId: "getInvoiceBatch",
  tags: [TAG],
  summary: "Consultar un lote",
  description:
    "Cuántas facturas hay en cada estado, una estimación del tiempo que falta y las facturas (paginadas, filtrables " +
    "por estado) con su número, CUFE, estado y errores.",
  request: { params: ResourceIdParam, query: InvoiceBatchQuery },
  responses: { 200: jsonResponse(successEnvelope(InvoiceBatch, "Lote"), "El lote") },
});

const cancelRoute = defineRoute("factus", {
  method: "delete",
  path: "/{id}",
  operationId: "cancelInvoiceBatch",
  tags: [TAG],
  summary: "Cancelar lo que falta de un lote",
  description:
    "Cancela las facturas que aún no se enviaron a Factus; las ya emitidas (o enviándose en este momento) siguen su " +
    "curso. El lote queda `cancelled`.",
  request: { params: ResourceIdParam },
  responses: {
    200: jsonResponse(
      successEnvelope(z.object({ id: z.string(), cancelled: z.int() }), "Lote cancelado"),
      "Cancelado",
    ),
  },
});

/** The invoices of a batch, each accepted (as the create would parse it) or refused with why. */
async function sortInvoices(c: Context<AppEnv>, invoices: unknown[]) {
  const items: NewItem[] = [];
  const seen = new Set<string>();
  const v2 = (await factusVersionOf(c)) === "v2";
  for (const [idx, raw] of invoices.entries()) {
    const reference = (raw as { reference_code?: unknown })?.reference_code;
    const reference_code = typeof reference === "string" ? reference : null;
    const refuse = (errors: ErrorDetail[]) =>
      items.push({
        idx,
        reference_code: reference_code ?? `#${idx}`,
        request: null,
        status: "refused",
        errors,
      });
    const parsed = CreateInvoiceRequest.safeParse(raw);
    if (!parsed.success) {
      refuse(validationError(parsed.error.issues).options.details ?? []);
      continue;
    }
    const invoice = parsed.data;
    if (seen.has(invoice.reference_code)) {
      refuse([{ path: "reference_code", message: "Repetido en el lote: cada factura lleva el suyo" }]);
      continue;
    }
    seen.add(invoice.reference_code);
    if (v2) {
      const mapping = toFactusV2Bill(invoice);
      if (!mapping.ok) {
        refuse(mapping.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
        continue;
      }
    }
    try {
      // The range list is read once (cached a minute) for the whole batch.
      await checkNumberingRange(c, invoice, { strict: true });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== "VALIDATION_FAILED") throw error;
      refuse(error.options.details ?? []);
      continue;
    }
    items.push({
      idx,
      reference_code: invoice.reference_code,
      request: invoice,
      status: "queued",
      errors: [],
    });
  }
  return items;
}

const createdView = (id: string, status: string, items: NewItem[]) => ({
  id,
  status: status as "queued",
  total: items.length,
  accepted: items.filter((item) => item.status === "queued").length,
  refused: items
    .filter((item) => item.status === "refused")
    .map((item) => ({
      index: item.idx,
      reference_code: item.reference_code.startsWith("#") ? null : item.reference_code,
      errors: item.errors,
    })),
});

const create: RouteHandler<typeof createRoute, AppEnv> = async (c) => {
  const { invoices } = c.req.valid("json");
  const nit = await companyNitOf(c);
  const user = c.get("user");
  // With an Idempotency-Key the batch's id is derived from it: the same key finds the same batch, never a second.
  const key = c.req.header("idempotency-key");
  const fingerprint = await sha256Hex(await c.req.text());
  const id = key
    ? `ib_${(await sha256Hex(`${user.id}|${nit}|${key}`)).slice(0, 24)}`
    : `ib_${crypto.getRandomValues(new Uint8Array(12)).toHex()}`;
  if (key) {
    const existing = await batchOf(c.env.DB, nit, id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw new ApiError("IDEMPOTENCY_KEY_REUSED");
      const refused = await batchItems(c.env.DB, id, 1, existing.total, "refused");
      return c.json(
        {
          message: MESSAGE,
          data: {
            id,
            status: existing.status,
            total: existing.total,
            accepted: existing.accepted,
            refused: refused.map((row) => ({
              index: row.idx,
              reference_code: row.reference_code,
              errors: itemView(row).errors,
            })),
          },
        },
        202,
      );
    }
  }
  const items = await sortInvoices(c, invoices);
  const view = createdView(id, "queued", items);
  if (view.accepted === 0) {
    throw new ApiError("VALIDATION_FAILED", {
      message: "Ninguna factura del lote es válida: no se emitió ninguna",
      details: view.refused.flatMap((item) =>
        item.errors.map((error) => ({
          path: `invoices.${item.index}${error.path ? `.${error.path}` : ""}`,
          message: error.message,
        })),
      ),
    });
  }
  const now = Date.now();
  await insertBatch(
    c.env.DB,
    {
      id,
      company_nit: nit,
      user_id: user.id,
      api_key_id: c.get("apiKey")?.id ?? null,
      connection_id: c.get("connectionId") ?? null,
      status: "queued",
      fingerprint,
      total: view.total,
      accepted: view.accepted,
      created_at: now,
    },
    items,
  );
  // Without a stored connection, the caller's token is what the batch is issued with (sealed, for its hour).
  if (!c.get("connectionId")) await (await keepCallerToken(c, nit)).run();
  await wakeCompany(c.env, nit, now);
  c.header("Location", `/api/v1/invoice-batches/${id}`);
  return c.json({ message: MESSAGE, data: view }, 202);
};

async function ownBatch(c: Context<AppEnv>, id: string) {
  const nit = await companyNitOf(c);
  const batch = await batchOf(c.env.DB, nit, id);
  if (!batch) throw new ApiError("NOT_FOUND", { message: `No existe el lote ${id}` });
  return batch;
}

const get: RouteHandler<typeof getRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { page, per_page, status } = c.req.valid("query");
  const batch = await ownBatch(c, id);
  const [counts, items] = await Promise.all([
    statusCounts(c.env.DB, id),
    batchItems(c.env.DB, id, page, per_page, status),
  ]);
  const toSend = (counts.queued ?? 0) + (counts.issuing ?? 0);
  const perMinute = c.get("config").backgroundFactusCallsPerMinute;
  const filtered = status ? (counts[status] ?? 0) : batch.total;
  return c.json(
    {
      message: "Lote",
      data: {
        id,
        status: batch.status,
        total: batch.total,
        accepted: batch.accepted,
        counts,
        estimated_seconds_left:
          toSend && batch.status !== "cancelled" ? Math.ceil((toSend * 60) / perMinute) : null,
        created_at: new Date(batch.created_at).toISOString(),
        completed_at: batch.completed_at === null ? null : new Date(batch.completed_at).toISOString(),
        items: items.map(itemView),
        pagination: {
          page,
          per_page,
          total: filtered,
          last_page: Math.max(1, Math.ceil(filtered / per_page)),
        },
      },
    },
    200,
  );
};

const cancel: RouteHandler<typeof cancelRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  await ownBatch(c, id);
  const cancelled = await cancelBatch(c.env.DB, id);
  return c.json({ message: "Lote cancelado", data: { id, cancelled } }, 200);
};

export const invoiceBatchesRouter = createRouter()
  .openapi(createRoute, create)
  .openapi(getRoute, get)
  .openapi(cancelRoute, cancel);
