import {
  CreditNoteList,
  CreditNoteListQuery,
  FACTUS_PAGE_SIZE,
  successEnvelope,
} from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import { pageCompletions } from "../../completion/jobs";
import { creditNoteSummary } from "../../documents/credit-note-mappers";
import { v1RowsInDates, v2DateFilter, walksV1Dates } from "../../documents/dated-list";
import { callFactus } from "../../factus/call";
import { creditNotePage } from "../../factus/documents";
import type { DocumentRowView } from "../../factus/v2-views";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Notas crédito obtenidas exitosamente";

export const listCreditNotesRoute = defineRoute("factus", {
  method: "get",
  path: "/",
  operationId: "listCreditNotes",
  tags: ["Notas crédito"],
  summary: "Listar notas crédito",
  description:
    "Notas crédito de la empresa, de la más reciente a la más antigua, 10 por página (la página de Factus). " +
    "Filtros por número, prefijo, código de referencia, identificación o nombre del cliente, estado y fecha de " +
    "creación (`created_from`, `created_to`: como en las facturas).",
  request: { query: CreditNoteListQuery },
  responses: { 200: jsonResponse(successEnvelope(CreditNoteList, MESSAGE), "Una página de notas") },
});

export const listCreditNotes: RouteHandler<typeof listCreditNotesRoute, AppEnv> = async (c) => {
  const { page, status, created_from, created_to, ...query } = c.req.valid("query");
  const filters = { ...query, ...(status ? { status } : {}) };
  const dates = { from: created_from, to: created_to };
  const summary = async (rows: DocumentRowView[]) => {
    // Where the gateway stands on finishing the page's pending notes (none: no read).
    const live = await pageCompletions(c, "credit-notes", rows);
    return rows.map((row) => creditNoteSummary(row, live.get(row.number) ?? null));
  };
  if (await walksV1Dates(c, dates)) {
    const rows = await v1RowsInDates((number) => creditNotePage(c, { ...filters, page: number }), dates);
    const perPage = FACTUS_PAGE_SIZE;
    return c.json(
      {
        message: MESSAGE,
        data: {
          items: await summary(rows.slice((page - 1) * perPage, page * perPage)),
          pagination: {
            page,
            per_page: perPage,
            total: rows.length,
            last_page: Math.max(1, Math.ceil(rows.length / perPage)),
          },
        },
      },
      200,
    );
  }
  const result = await callFactus(() => creditNotePage(c, { ...filters, ...v2DateFilter(dates), page }));
  const { pagination } = result;
  return c.json(
    {
      message: MESSAGE,
      data: {
        items: await summary(result.data),
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
