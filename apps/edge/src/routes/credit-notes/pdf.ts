import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/context";
import { documentFileRoute, respondFile } from "../../lib/document-files";
import { callFactus, upstream } from "../../lib/upstream";

export const creditNotePdfRoute = documentFileRoute("pdf", {
  operationId: "downloadCreditNotePdf",
  tags: ["Notas crédito"],
  summary: "Descargar el PDF de una nota crédito",
  noun: "la nota crédito",
});

export const creditNotePdf: RouteHandler<typeof creditNotePdfRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const pdf = await callFactus(
    () => c.get("factus").creditNotes.downloadPdf(number, upstream(c)),
    `No existe la nota crédito ${number}`,
  );
  return respondFile(c, "pdf", { name: pdf.file_name, content: pdf.pdf_base_64_encoded }) as never;
};
