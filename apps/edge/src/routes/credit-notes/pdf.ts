import type { RouteHandler } from "@hono/zod-openapi";
import { documentFileOf } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { documentFileRoute, respondFile } from "../document-files";

export const creditNotePdfRoute = documentFileRoute("pdf", {
  operationId: "downloadCreditNotePdf",
  tags: ["Notas crédito"],
  summary: "Descargar el PDF de una nota crédito",
  noun: "la nota crédito",
});

export const creditNotePdf: RouteHandler<typeof creditNotePdfRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  return respondFile(c, "pdf", await documentFileOf(c, "credit-note", "pdf", number)) as never;
};
