import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { InvoiceDetail } from "@factus-edge/contracts/schemas/invoice-responses";
import { DocumentNumberParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import { invoiceDetail } from "../../documents/invoice-mappers";
import { invoiceFlow } from "../../documents/kinds/invoice";
import { withCompletion } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonResponse } from "../define-route";

const MESSAGE = "Factura obtenida exitosamente";

export const getInvoiceRoute = defineRoute("factus", {
  method: "get",
  path: "/{number}",
  operationId: "getInvoice",
  tags: ["Facturas"],
  summary: "Consultar una factura",
  description:
    "Detalle de una factura por su número: empresa, cliente, totales en pesos con 2 decimales, CUFE, estado ante la " +
    "DIAN (`dian_status`: validated, pending o rejected) y sus ítems. Los precios de los ítems incluyen impuestos " +
    "(Factus v1): `subtotal` es la base gravable y `tax_total` el impuesto que contienen; para un ítem de " +
    "1.000.000,00 al 19 %, subtotal 840.336,13 + tax_total 159.663,87 = total 1.000.000,00.",
  request: { params: DocumentNumberParam },
  responses: { 200: jsonResponse(successEnvelope(InvoiceDetail, MESSAGE), "La factura") },
});

export const getInvoice: RouteHandler<typeof getInvoiceRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const { document: bill, completion } = await withCompletion(c, invoiceFlow, number);
  return c.json(
    { message: MESSAGE, data: invoiceDetail(bill, "Factura obtenida de Factus", completion) },
    200,
  );
};
