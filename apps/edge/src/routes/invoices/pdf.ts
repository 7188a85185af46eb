import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/context";
import { documentFileRoute, respondFile } from "../../lib/document-files";
import { callFactus, upstream } from "../../lib/upstream";

export const invoicePdfRoute = documentFileRoute("pdf", {
  operationId: "downloadInvoicePdf",
  tags: ["Facturas"],
  summary: "Descargar el PDF de una factura",
  noun: "la factura",
});

export const invoicePdf: RouteHandler<typeof invoicePdfRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const pdf = await callFactus(
    () => c.get("factus").bills.downloadPdf(number, upstream(c)),
    `No existe la factura ${number}`,
  );
  return respondFile(c, "pdf", { name: pdf.file_name, content: pdf.pdf_base_64_encoded }) as never;
};
