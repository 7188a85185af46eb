import { DocumentFile, successEnvelope } from "@factus-edge/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/context";
import { AUTH_ERRORS, errorResponses, FACTUS_ERRORS, FACTUS_SECURITY } from "../../lib/openapi";
import { callFactus, upstream } from "../../lib/upstream";
import { requireFactusToken, requireUser } from "../../middleware/auth";
import { userRateLimit } from "../../middleware/rate-limiter";
import { FactusHeaders, NumberParam } from "./schema";

const FORMATS = {
  pdf: { mime: "application/pdf", accepts: ["application/pdf"], message: "PDF obtenido exitosamente" },
  xml: {
    mime: "application/xml",
    accepts: ["application/xml", "text/xml"],
    message: "XML obtenido exitosamente",
  },
} as const;
type Format = keyof typeof FORMATS;

const fileRoute = (format: Format) =>
  createRoute({
    method: "get",
    path: `/{number}/${format}`,
    operationId: format === "pdf" ? "downloadInvoicePdf" : "downloadInvoiceXml",
    tags: ["Facturas"],
    summary: format === "pdf" ? "Descargar el PDF de una factura" : "Descargar el XML de una factura",
    description:
      `Por defecto, JSON con el archivo en base64 (\`file_content\`). Con \`Accept: ${FORMATS[format].mime}\` ` +
      "devuelve los bytes del archivo con `Content-Disposition: attachment`.",
    security: FACTUS_SECURITY,
    middleware: [requireUser, userRateLimit, requireFactusToken] as const,
    request: { params: NumberParam, headers: FactusHeaders },
    responses: {
      200: {
        description: `El ${format.toUpperCase()} de la factura`,
        content: {
          "application/json": { schema: successEnvelope(DocumentFile, FORMATS[format].message) },
          [FORMATS[format].mime]: { schema: { type: "string", format: "binary" } },
        },
      },
      ...errorResponses(...AUTH_ERRORS, ...FACTUS_ERRORS, "NOT_FOUND", "VALIDATION_FAILED"),
    },
  });

export const invoicePdfRoute = fileRoute("pdf");
export const invoiceXmlRoute = fileRoute("xml");

function wantsBytes(c: Context, format: Format) {
  const accept = c.req.header("accept")?.toLowerCase() ?? "";
  return FORMATS[format].accepts.some((mime) => accept.includes(mime));
}

async function download(c: Context<AppEnv>, number: string, format: Format) {
  const factus = c.get("factus");
  const notFound = `No existe la factura ${number}`;
  const file =
    format === "pdf"
      ? await callFactus(async () => {
          const pdf = await factus.bills.downloadPdf(number, upstream(c));
          return { name: pdf.file_name, content: pdf.pdf_base_64_encoded };
        }, notFound)
      : await callFactus(async () => {
          const xml = await factus.bills.downloadXml(number, upstream(c));
          return { name: xml.file_name, content: xml.xml_base_64_encoded };
        }, notFound);
  if (wantsBytes(c, format)) {
    const bytes = Uint8Array.from(atob(file.content), (char) => char.charCodeAt(0));
    return c.body(bytes, 200, {
      "Content-Type": FORMATS[format].mime,
      "Content-Disposition": `attachment; filename="${file.name.replace(/[^\w.-]/g, "_")}.${format}"`,
    });
  }
  return c.json(
    {
      message: FORMATS[format].message,
      data: { file_name: file.name, file_content: file.content, extension: format },
    },
    200,
  );
}

export const invoicePdf: RouteHandler<typeof invoicePdfRoute, AppEnv> = (c) =>
  download(c, c.req.valid("param").number, "pdf") as never;
export const invoiceXml: RouteHandler<typeof invoiceXmlRoute, AppEnv> = (c) =>
  download(c, c.req.valid("param").number, "xml") as never;
