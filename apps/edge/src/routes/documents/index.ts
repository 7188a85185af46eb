import { DailyTotals, DocumentExportQuery } from "@factus-edge/contracts/schemas/batches";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import { companyNitOf } from "../../factus/company";
import { dailyTotals, exportStream } from "../../ledger/export";
import type { AppEnv } from "../../platform/context";
import { createRouter } from "../../platform/router";
import { defineRoute, jsonResponse } from "../define-route";
import { checkDayRange } from "./day-range";

// Reconciling a month from the gateway's own ledger (ledger/): what it issued or learnt about, never a walk of
// Factus' pages of 10.

const TAG = "Contabilidad";
const exportRoute = defineRoute("factus", {
  method: "get",
  path: "/export",
  operationId: "exportDocuments",
  tags: [TAG],
  summary: "Exportar los documentos de un periodo",
  description:
    "Una línea por documento (facturas, notas crédito y débito, documentos soporte y notas de ajuste que el servicio " +
    "emitió o conoció), con sus totales, su estado " +
    "ante la DIAN y quién la emitió, desde el libro del servicio. `Accept: text/csv`: CSV para Excel en Colombia " +
    "(UTF-8 con BOM, `;` entre campos, `,` decimal); si no, JSON Lines (`application/x-ndjson`), con decimales " +
    "exactos como texto. Se transmite por partes: un mes de miles de documentos no espera a armarse.",
  request: { query: DocumentExportQuery },
  responses: {
    200: {
      description: "Los documentos",
      content: {
        "text/csv": { schema: { type: "string" } },
        "application/x-ndjson": { schema: { type: "string" } },
      },
    },
  },
});

const totalsRoute = defineRoute("factus", {
  method: "get",
  path: "/daily-totals",
  operationId: "dailyTotals",
  tags: [TAG],
  summary: "Totales netos por día",
  description:
    "Por día de Colombia: facturas, notas crédito y notas débito validadas con sus totales, y el neto (facturado " +
    "menos notas crédito más notas débito), sumados en centavos exactos. Los documentos pendientes, rechazados o " +
    "eliminados no suman; los documentos soporte son compras, no ventas: están en la exportación, no en este neto.",
  request: { query: DocumentExportQuery.pick({ created_from: true, created_to: true }) },
  responses: { 200: jsonResponse(successEnvelope(DailyTotals, "Totales por día"), "Los totales") },
});

const exportDocuments: RouteHandler<typeof exportRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  checkDayRange(query.created_from, query.created_to);
  const csv = /text\/csv/i.test(c.req.header("accept") ?? "");
  const stream = exportStream(c.env.DB, await companyNitOf(c), query, csv ? "csv" : "ndjson");
  const name = `documentos-${query.created_from}-${query.created_to}.${csv ? "csv" : "jsonl"}`;
  return new Response(stream, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  }) as never;
};

const totals: RouteHandler<typeof totalsRoute, AppEnv> = async (c) => {
  const { created_from, created_to } = c.req.valid("query");
  checkDayRange(created_from, created_to);
  const days = await dailyTotals(c.env.DB, await companyNitOf(c), created_from, created_to);
  return c.json({ message: "Totales por día", data: { days } }, 200);
};

export const documentsRouter = createRouter()
  .openapi(exportRoute, exportDocuments)
  .openapi(totalsRoute, totals);
