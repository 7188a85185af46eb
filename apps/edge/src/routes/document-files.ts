import { DocumentFile, DocumentNumberParam, successEnvelope } from "@factus-edge/contracts";
import type { Context } from "hono";
import type { FileFormat } from "../documents/reads";
import type { AppEnv } from "../platform/context";
import { defineRoute } from "./define-route";

// A document's PDF or XML, as base64 in the JSON envelope or, by `Accept`, as the file's own bytes.

const FILE_FORMATS: Record<FileFormat, { mime: string; accepts: readonly string[]; message: string }> = {
  pdf: { mime: "application/pdf", accepts: ["application/pdf"], message: "PDF obtenido exitosamente" },
  xml: {
    mime: "application/xml",
    accepts: ["application/xml", "text/xml"],
    message: "XML obtenido exitosamente",
  },
};

/** The route of a document's file: `/{number}/pdf` or `/{number}/xml`. */
export const documentFileRoute = (
  format: FileFormat,
  spec: { operationId: string; tags: string[]; summary: string; noun: string },
) =>
  defineRoute("factus", {
    method: "get",
    path: `/{number}/${format}`,
    operationId: spec.operationId,
    tags: spec.tags,
    summary: spec.summary,
    description:
      `Por defecto, JSON con el archivo en base64 (\`file_content\`). Con \`Accept: ${FILE_FORMATS[format].mime}\` ` +
      "devuelve los bytes del archivo con `Content-Disposition: attachment`.",
    request: { params: DocumentNumberParam },
    responses: {
      200: {
        description: `El ${format.toUpperCase()} de ${spec.noun}`,
        content: {
          "application/json": { schema: successEnvelope(DocumentFile, FILE_FORMATS[format].message) },
          [FILE_FORMATS[format].mime]: { schema: { type: "string", format: "binary" } },
        },
      },
    },
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
const wantsBytes = (c: Context, format: FileFormat) => {
  const weights = acceptWeights(c.req.header("accept") ?? "");
  const weightOf = (types: readonly string[]) =>
    Math.max(0, ...weights.filter(({ range }) => types.includes(range)).map(({ weight }) => weight));
  const file = weightOf(FILE_FORMATS[format].accepts);
  return file > 0 && file >= weightOf(["application/json"]);
};

/** Answers a file Factus gave as `{name, base64 content}` in the form the caller asked for. */
export function respondFile(c: Context<AppEnv>, format: FileFormat, file: { name: string; content: string }) {
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
      data: { file_name: file.name, file_content: file.content, extension: format },
    },
    200,
  );
}
