import { LedgerSync, LedgerSyncQuery } from "@factus-edge/contracts/schemas/batches";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { ResourceIdParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import { companyNitOf } from "../../factus/company";
import { startSync, syncOf, syncView } from "../../ledger/sync";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import { createRouter } from "../../platform/router";
import { defineRoute, jsonResponse } from "../define-route";
import { checkDayRange } from "../documents/day-range";

// The ledger sync (ledger/sync.ts): the ledger backfilled from Factus' own lists, in the background.

const TAG = "Contabilidad";

const startRoute = defineRoute("factus", {
  method: "post",
  path: "/sync",
  operationId: "syncLedger",
  tags: [TAG],
  summary: "Sincronizar el libro con Factus",
  description:
    "Recorre en segundo plano las listas de Factus (facturas y notas crédito) de los días pedidos y registra en el " +
    "libro cada documento: los emitidos fuera del servicio (el panel de Factus, otra integración) y cualquiera cuyo " +
    "registro se hubiera perdido. Factus lista de 10 en 10: el recorrido va al ritmo de los lotes, sin pasar su límite " +
    "de 80 por minuto. Un documento que el libro ya tenía solo cambia si Factus dice otro estado o total; quién lo " +
    "emitió se conserva. Pedir los mismos días mientras una sincronización los recorre devuelve esa misma.",
  request: { query: LedgerSyncQuery },
  responses: {
    202: jsonResponse(successEnvelope(LedgerSync, "Sincronización iniciada"), "La sincronización"),
  },
});

const getRoute = defineRoute("factus", {
  method: "get",
  path: "/sync/{id}",
  operationId: "getLedgerSync",
  tags: [TAG],
  summary: "Consultar una sincronización del libro",
  description: "Su avance: páginas leídas, documentos encontrados, agregados y actualizados.",
  request: { params: ResourceIdParam },
  responses: { 200: jsonResponse(successEnvelope(LedgerSync, "Sincronización"), "La sincronización") },
});

const start: RouteHandler<typeof startRoute, AppEnv> = async (c) => {
  const { from, to } = c.req.valid("query");
  checkDayRange(from, to, { from: "query.from", to: "query.to" });
  const { row, started } = await startSync(c, await companyNitOf(c), from, to);
  c.header("Location", `/api/v1/ledger/sync/${row.id}`);
  return c.json(
    {
      message: started ? "Sincronización iniciada" : "Ya hay una sincronización de esos días en curso",
      data: syncView(row),
    },
    202,
  );
};

const get: RouteHandler<typeof getRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const row = await syncOf(c.env.DB, await companyNitOf(c), id);
  if (!row) throw new ApiError("NOT_FOUND", { message: `No existe la sincronización ${id}` });
  return c.json({ message: "Sincronización", data: syncView(row) }, 200);
};

export const ledgerRouter = createRouter().openapi(startRoute, start).openapi(getRoute, get);
