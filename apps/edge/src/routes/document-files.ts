import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { DocumentEmailContent, DocumentFile } from "@factus-edge/contracts/schemas/invoice-responses";
import { DocumentNumberParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AnyFlow } from "../documents/kinds/flow";
import { documentFileOf, emailContentOf, type FileFormat } from "../documents/reads";
import type { AppEnv } from "../platform/context";
import { defineRoute } from "./define-route";
import { versionGate } from "./kinds/version-gate";

// A document's PDF, XML or e-mail attachment (a ZIP), as base64 in the JSON envelope or, by `Accept`, as the file's
// own bytes.

type Attachment = FileFormat | "zip";

const FILE_FORMATS: Record<Attachment, { mime: string; accepts: readonly string[]; message: string }> = {
  pdf: { mime: "application/pdf", accepts: ["application/pdf"], message: "PDF obtenido exitosamente" },
  xml: {
    mime: "application/xml",
    accepts: ["application/xml", "text/xml"],
    message: "XML obtenido exitosamente",
  },
  zip: {
    mime: "application/zip",
    accepts: ["application/zip"],
    message: "Contenido del correo obtenido exitosamente",
  },
};

/** The routes of a document's files: `/{number}/pdf` and `/{number}/xml`. */
export const documentFileRoutes = (flow: AnyFlow) =>
  (["pdf", "xml"] as const).map((format) => {
    const upper = format.toUpperCase();
    const route = defineRoute(
      "factus",
      {
        method: "get",
        path: `/{number}/${format}`,
        operationId: `download${flow.operation.singular}${format === "pdf" ? "Pdf" : "Xml"}`,
        tags: [flow.tag],
        summary: `Descargar el ${upper} de ${flow.noun}`,
        description:
          `Por defecto, JSON con el archivo en base64 (\`file_content\`). Con \`Accept: ${FILE_FORMATS[format].mime}\` ` +
          "devuelve los bytes del archivo con `Content-Disposition: attachment`.",
        request: { params: DocumentNumberParam },
        responses: {
          200: {
            description: `El ${upper} de ${flow.noun}`,
            content: {
              "application/json": { schema: successEnvelope(DocumentFile, FILE_FORMATS[format].message) },
              [FILE_FORMATS[format].mime]: { schema: { type: "string", format: "binary" } },
            },
          },
        },
      },
      versionGate(flow),
    );
    const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
      const { number } = c.req.valid("param");
      return respondFile(c, format, await documentFileOf(c, flow, format, number)) as never;
    };
    return { route, handler };
  });

/** The weight (q, 0–1) `Accept` gives each media range; a range without q weighs 1. */
function acceptWeights(header: string) {
  return header.split(",").flatMap((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(";");
    if (!range) return [];
    const q = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    return [{ range: range.trim(), weight: Number.isFinite(weight) ? weight : 0 }];
  });
}

/** The file's bytes when `Accept` prefers its media type to JSON (`q=0` refuses it); JSON otherwise. */
const wantsBytes = (c: Context, format: Attachment) => {
  const weights = acceptWeights(c.req.header("accept") ?? "");
  const weightOf = (types: readonly string[]) =>
    Math.max(0, ...weights.filter(({ range }) => types.includes(range)).map(({ weight }) => weight));
  const file = weightOf(FILE_FORMATS[format].accepts);
  return file > 0 && file >= weightOf(["application/json"]);
};

/** Answers a file Factus gave as `{name, base64 content}` in the form the caller asked for. */
export function respondFile(
  c: Context<AppEnv>,
  format: Attachment,
  file: { name: string; content: string },
  extra: Record<string, string> = {},
) {
  // The same URL answers JSON or the file by `Accept`: a cache between the caller and us must keep them apart.
  c.header("Vary", "Accept", { append: true });
  if (wantsBytes(c, format)) {
    const bytes = Uint8Array.fromBase64(file.content);
    return c.body(bytes, 200, {
      "Content-Type": FILE_FORMATS[format].mime,
      "Content-Disposition": `attachment; filename="${file.name.replace(/[^\w.-]/g, "_")}.${format}"`,
    });
  }
  return c.json(
    {
      message: FILE_FORMATS[format].message,
      data: { ...extra, file_name: file.name, file_content: file.content, extension: format },
    },
    200,
  );
}

/**
 * `GET /{number}/email-content`: DIAN's subject and the ZIP to attach, for a company that e-mails its buyers itself
 * (documents created with `send_email: false`).
 */
export function emailContentRoute(flow: AnyFlow) {
  const route = defineRoute(
    "factus",
    {
      method: "get",
      path: "/{number}/email-content",
      operationId: `get${flow.operation.singular}EmailContent`,
      tags: [flow.tag],
      summary: `Contenido del correo de ${flow.noun}`,
      description:
        "El asunto que exige la DIAN y el ZIP para adjuntar (AttachedDocument XML y PDF), para quien envía el correo " +
        "al adquiriente por su cuenta (documentos creados con `send_email: false`). Por defecto JSON con el ZIP en " +
        "base64 (`file_content`); con `Accept: application/zip`, los bytes del ZIP con `Content-Disposition: attachment` " +
        "(el asunto no viaja en ese caso: pídalo en JSON).",
      request: { params: DocumentNumberParam },
      responses: {
        200: {
          description: `El asunto y el adjunto del correo de ${flow.noun}`,
          content: {
            "application/json": { schema: successEnvelope(DocumentEmailContent, FILE_FORMATS.zip.message) },
            "application/zip": { schema: { type: "string", format: "binary" } },
          },
        },
      },
    },
    versionGate(flow),
  );
  const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
    const { number } = c.req.valid("param");
    const { subject, ...file } = await emailContentOf(c, flow, number);
    return respondFile(c, "zip", file, { subject }) as never;
  };
  return { route, handler };
}
