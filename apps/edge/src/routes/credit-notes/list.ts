import { CreditNoteList, CreditNoteListQuery, successEnvelope } from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import { creditNoteSummary } from "../../documents/credit-note-mappers";
import { callFactus } from "../../factus/call";
import { creditNotePage } from "../../factus/documents";
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
    "Filtros por número, prefijo, código de referencia, identificación o nombre del cliente y estado.",
  request: { query: CreditNoteListQuery },
  responses: { 200: jsonResponse(successEnvelope(CreditNoteList, MESSAGE), "Una página de notas") },
});

export const listCreditNotes: RouteHandler<typeof listCreditNotesRoute, AppEnv> = async (c) => {
  const { page, status, ...filters } = c.req.valid("query");
  const result = await callFactus(() =>
    creditNotePage(c, { ...filters, ...(status ? { status } : {}), page }),
  );
  const { pagination } = result;
  return c.json(
    {
      message: MESSAGE,
      data: {
        items: result.data.map(creditNoteSummary),
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
