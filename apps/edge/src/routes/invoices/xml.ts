import type { RouteHandler } from "@hono/zod-openapi";
import { documentFileOf } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { documentFileRoute, respondFile } from "../document-files";

export const invoiceXmlRoute = documentFileRoute("xml", {
  operationId: "downloadInvoiceXml",
  tags: ["Facturas"],
  summary: "Descargar el XML de una factura",
  noun: "la factura",
});

export const invoiceXml: RouteHandler<typeof invoiceXmlRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  return respondFile(c, "xml", await documentFileOf(c, "invoice", "xml", number)) as never;
};
