import type { RouteHandler } from "@hono/zod-openapi";
import { documentFileOf } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { documentFileRoute, respondFile } from "../document-files";

export const invoicePdfRoute = documentFileRoute("pdf", {
  operationId: "downloadInvoicePdf",
  tags: ["Facturas"],
  summary: "Descargar el PDF de una factura",
  noun: "la factura",
});

export const invoicePdf: RouteHandler<typeof invoicePdfRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  return respondFile(c, "pdf", await documentFileOf(c, "invoice", "pdf", number)) as never;
};
