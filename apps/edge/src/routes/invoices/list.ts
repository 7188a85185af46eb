import { InvoiceList, InvoiceListQuery, successEnvelope } from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/context";
import { invoiceSummary } from "../../lib/invoice-mappers";
import { defineRoute, jsonResponse } from "../../lib/openapi";
import { callFactus, upstream } from "../../lib/upstream";

const MESSAGE = "Facturas obtenidas exitosamente";

export const listInvoicesRoute = defineRoute("factus", {
  method: "get",
  path: "/",
  operationId: "listInvoices",
  tags: ["Facturas"],
  summary: "Listar facturas",
  description:
    "Facturas de la empresa, de la más reciente a la más antigua, 10 por página. Filtros por número, prefijo, código " +
    "de referencia, identificación o nombre del cliente (coincidencia parcial) y estado (1 validada, 0 pendiente).",
  request: { query: InvoiceListQuery },
  responses: { 200: jsonResponse(successEnvelope(InvoiceList, MESSAGE), "Una página de facturas") },
});

export const listInvoices: RouteHandler<typeof listInvoicesRoute, AppEnv> = async (c) => {
  const { page, status, ...filters } = c.req.valid("query");
  const result = await callFactus(() =>
    c.get("factus").bills.list({ ...filters, ...(status ? { status } : {}), page }, upstream(c)),
  );
  const { pagination } = result;
  return c.json(
    {
      message: MESSAGE,
      data: {
        items: result.data.map(invoiceSummary),
        pagination: {
          page: pagination.current_page,
          per_page: pagination.per_page,
          total: pagination.total,
          last_page: Math.max(1, pagination.last_page),
        },
      },
    },
    200,
  );
};
