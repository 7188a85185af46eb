import type { RouteHandler } from "@hono/zod-openapi";
import { documentFileOf } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { documentFileRoute, respondFile } from "../document-files";

export const creditNoteXmlRoute = documentFileRoute("xml", {
  operationId: "downloadCreditNoteXml",
  tags: ["Notas crédito"],
  summary: "Descargar el XML de una nota crédito",
  noun: "la nota crédito",
});

export const creditNoteXml: RouteHandler<typeof creditNoteXmlRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  return respondFile(c, "xml", await documentFileOf(c, "credit-note", "xml", number)) as never;
};
