import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import {
  FACTUS_PAGE_SIZE,
  InvoiceList,
  InvoiceListQuery,
} from "@factus-edge/contracts/schemas/invoice-responses";
import type { RouteHandler } from "@hono/zod-openapi";
import { pageCompletions } from "../../completion/jobs";
import { v1RowsInDates, v2DateFilter, walksV1Dates } from "../../documents/dated-list";
import { invoiceSummary } from "../../documents/invoice-mappers";
import { callFactus } from "../../factus/call";
import { billPage } from "../../factus/documents";
import type { DocumentRowView } from "../../factus/v2-views";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Facturas obtenidas exitosamente";

export const listInvoicesRoute = defineRoute("factus", {
  method: "get",
  path: "/",
  operationId: "listInvoices",
  tags: ["Facturas"],
  summary: "Listar facturas",
  description:
    "Facturas de la empresa, de la más reciente a la más antigua, `per_page` por página (10 por defecto, hasta 50). " +
    "Filtros por número, prefijo, código de referencia, identificación o nombre del cliente (coincidencia parcial) " +
    "y estado (1 validada, 0 pendiente o rechazada); cada fila dice su `dian_status`. `created_from` y `created_to` " +
    "(YYYY-MM-DD, calendario de Colombia) filtran por fecha de creación: Factus v2 lo hace por sí mismo; en una cuenta " +
    "v1 el servicio recorre las páginas de Factus desde la más reciente, como máximo 5 (un rango más largo es un 422).",
  request: { query: InvoiceListQuery },
  responses: { 200: jsonResponse(successEnvelope(InvoiceList, MESSAGE), "Una página de facturas") },
});

/**
 * One page of `per_page` invoices from Factus' fixed pages of 10: the Factus pages that cover it, fetched together
 * once the first one says how many there are.
 */
export const listInvoices: RouteHandler<typeof listInvoicesRoute, AppEnv> = async (c) => {
  const { page, per_page, status, created_from, created_to, ...query } = c.req.valid("query");
  const filters = { ...query, ...(status ? { status } : {}) };
  const dates = { from: created_from, to: created_to };
  const answer = async (rows: DocumentRowView[], total: number) => {
    // Where the gateway stands on finishing the page's pending invoices (none: no read).
    const live = await pageCompletions(c, "invoices", rows);
    return c.json(
      {
        message: MESSAGE,
        data: {
          items: rows.map((row) => invoiceSummary(row, live.get(row.number) ?? null)),
          pagination: { page, per_page, total, last_page: Math.max(1, Math.ceil(total / per_page)) },
        },
      },
      200,
    );
  };
  if (await walksV1Dates(c, dates)) {
    const rows = await v1RowsInDates((number) => billPage(c, { ...filters, page: number }), dates);
    return answer(rows.slice((page - 1) * per_page, page * per_page), rows.length);
  }
  const fetchPage = (factusPage: number) =>
    callFactus(() => billPage(c, { ...filters, ...v2DateFilter(dates), page: factusPage }));
  const first = (page - 1) * per_page;
  const firstPage = Math.floor(first / FACTUS_PAGE_SIZE) + 1;
  const lastPage = Math.floor((first + per_page - 1) / FACTUS_PAGE_SIZE) + 1;
  const head = await fetchPage(firstPage);
  const rest = await Promise.all(
    Array.from({ length: Math.min(lastPage, head.pagination.last_page) - firstPage }, (_, index) =>
      fetchPage(firstPage + 1 + index),
    ),
  );
  const rows = [head, ...rest].flatMap((result) => result.data);
  const offset = first - (firstPage - 1) * FACTUS_PAGE_SIZE;
  return answer(rows.slice(offset, offset + per_page), head.pagination.total);
};
