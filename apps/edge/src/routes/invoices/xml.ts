import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/context";
import { documentFileRoute, respondFile } from "../../lib/document-files";
import { callFactus, upstream } from "../../lib/upstream";

export const invoiceXmlRoute = documentFileRoute("xml", {
  operationId: "downloadInvoiceXml",
  tags: ["Facturas"],
  summary: "Descargar el XML de una factura",
  noun: "la factura",
});

export const invoiceXml: RouteHandler<typeof invoiceXmlRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const xml = await callFactus(
    () => c.get("factus").bills.downloadXml(number, upstream(c)),
    `No existe la factura ${number}`,
  );
  return respondFile(c, "xml", { name: xml.file_name, content: xml.xml_base_64_encoded }) as never;
};
