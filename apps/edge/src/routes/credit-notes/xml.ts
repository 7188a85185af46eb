import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/context";
import { documentFileRoute, respondFile } from "../../lib/document-files";
import { callFactus, upstream } from "../../lib/upstream";

export const creditNoteXmlRoute = documentFileRoute("xml", {
  operationId: "downloadCreditNoteXml",
  tags: ["Notas crédito"],
  summary: "Descargar el XML de una nota crédito",
  noun: "la nota crédito",
});

export const creditNoteXml: RouteHandler<typeof creditNoteXmlRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const xml = await callFactus(
    () => c.get("factus").creditNotes.downloadXml(number, upstream(c)),
    `No existe la nota crédito ${number}`,
  );
  return respondFile(c, "xml", { name: xml.file_name, content: xml.xml_base_64_encoded }) as never;
};
