import { CreditNoteDetail, DocumentNumberParam, successEnvelope } from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import { creditNoteDetail } from "../../documents/credit-note-mappers";
import { creditNoteOf, withCompletion } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Nota crédito obtenida exitosamente";

export const getCreditNoteRoute = defineRoute("factus", {
  method: "get",
  path: "/{number}",
  operationId: "getCreditNote",
  tags: ["Notas crédito"],
  summary: "Consultar una nota crédito",
  description:
    "Detalle de una nota crédito: empresa, cliente, totales, CUDE, estado ante la DIAN, concepto de corrección, " +
    "la factura que corrige (`invoice_number`) e ítems.",
  request: { params: DocumentNumberParam },
  responses: { 200: jsonResponse(successEnvelope(CreditNoteDetail, MESSAGE), "La nota crédito") },
});

export const getCreditNote: RouteHandler<typeof getCreditNoteRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const { document: note, completion } = await withCompletion(
    c,
    "credit-notes",
    number,
    creditNoteOf,
    (document) => document.company.nit,
  );
  return c.json({ message: MESSAGE, data: creditNoteDetail(note, completion) }, 200);
};
