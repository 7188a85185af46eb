import { FACTUS_PAGE_SIZE, InvoiceList, InvoiceListQuery, successEnvelope } from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import { invoiceSummary } from "../../documents/invoice-mappers";
import { callFactus } from "../../factus/call";
import { billPage } from "../../factus/documents";
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
    "y estado (1 validada, 0 pendiente o rechazada); cada fila dice su `dian_status`.",
  request: { query: InvoiceListQuery },
  responses: { 200: jsonResponse(successEnvelope(InvoiceList, MESSAGE), "Una página de facturas") },
});

/**
 * One page of `per_page` invoices from Factus' fixed pages of 10: the Factus pages that cover it, fetched together
 * once the first one says how many there are.
 */
export const listInvoices: RouteHandler<typeof listInvoicesRoute, AppEnv> = async (c) => {
  const { page, per_page, status, ...filters } = c.req.valid("query");
  const fetchPage = (factusPage: number) =>
    callFactus(() => billPage(c, { ...filters, ...(status ? { status } : {}), page: factusPage }));
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
  const { total } = head.pagination;
  return c.json(
    {
      message: MESSAGE,
      data: {
        items: rows.slice(offset, offset + per_page).map(invoiceSummary),
        pagination: { page, per_page, total, last_page: Math.max(1, Math.ceil(total / per_page)) },
      },
    },
    200,
  );
};
