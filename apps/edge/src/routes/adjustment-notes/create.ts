import {
  toFactusV1AdjustmentNote,
  toFactusV2AdjustmentNote,
} from "@factus-edge/contracts/mapping/support-documents";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import {
  CreateAdjustmentNoteRequest,
  CreatedAdjustmentNote,
} from "@factus-edge/contracts/schemas/support-documents";
import type { RouteHandler } from "@hono/zod-openapi";
import { issueAndRespond } from "../../documents/issue";
import { type AdjustmentNoteOrder, adjustmentNoteFlow } from "../../documents/kinds/adjustment-note";
import { expectedOf, notOnVersion } from "../../documents/kinds/flow";
import { supportDocumentFlow } from "../../documents/kinds/support-document";
import { documentOf, forgetDocument } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonBody } from "../define-route";
import { createdAnswer, SUPPORT_DOCUMENT_EXAMPLE } from "../support-documents/create";

const answer = createdAnswer(CreatedAdjustmentNote, adjustmentNoteFlow.messages.created, "la nota de ajuste");

export const createAdjustmentNoteRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/",
    operationId: "createAdjustmentNote",
    tags: [adjustmentNoteFlow.tag],
    summary: "Crear y validar una nota de ajuste",
    description:
      "Corrige un documento soporte validado por la DIAN (`support_document_number`): devolución, anulación, rebaja, " +
      "ajuste de precio u otro concepto. El proveedor es el del documento soporte (se comprueba antes de enviar). " +
      "Factus v1 la une al documento por su id, v2 por su número: el servicio resuelve el que toque. Mismo ciclo de " +
      "vida que una factura: 201 validada, 202 pendiente de la DIAN, 422 rechazada con el número consumido.",
    request: jsonBody(CreateAdjustmentNoteRequest, "Nota de ajuste a emitir", {
      ...SUPPORT_DOCUMENT_EXAMPLE,
      reference_code: "NA-2026-0001",
      support_document_number: "SEDS984000001",
      correction_concept_code: "3",
    }),
    responses: {
      201: answer("Nota validada por la DIAN"),
      202: answer("La DIAN aún no responde: quedó numerada; reenvíela tal cual (/retry)"),
      200: answer("Ya existía una nota con este reference_code, el mismo proveedor y el mismo total"),
    },
  },
  {
    idempotent: true,
    errors: ["REFERENCE_CODE_IN_USE", "FACTUS_OUTCOME_UNKNOWN", "NOT_AVAILABLE_ON_FACTUS_VERSION"],
  },
);

export const createAdjustmentNote: RouteHandler<typeof createAdjustmentNoteRoute, AppEnv> = async (c) => {
  const note = c.req.valid("json");
  const number = note.support_document_number;
  // The support document's detail is about to list one more note.
  await forgetDocument(c, supportDocumentFlow, number);
  const support = await documentOf(c, supportDocumentFlow, number);
  if (dianStatusOf(support.record.status, support.record.errors) !== "validated") {
    throw new ApiError("CONFLICT", {
      message:
        `El documento soporte ${number} no está validado por la DIAN: una nota de ajuste solo corrige documentos ` +
        "soporte validados (uno pendiente se termina con /retry, uno rechazado se corrige y se reenvía)",
    });
  }
  const provider = String(support.provider.identification);
  if (note.provider.identification !== provider) {
    throw new ApiError("VALIDATION_FAILED", {
      details: [
        {
          path: "provider.identification",
          message: `El proveedor de una nota de ajuste es el del documento soporte ${number}: ${provider}`,
        },
      ],
    });
  }
  const mapping =
    support.apiVersion === "v1"
      ? toFactusV1AdjustmentNote(note, support.record.id ?? 0)
      : toFactusV2AdjustmentNote(note);
  if (!mapping.ok) throw notOnVersion(support.apiVersion, mapping.issues);
  const order = {
    factus_api_version: support.apiVersion,
    reference_code: note.reference_code,
    body: mapping.body,
    expected: expectedOf(provider, mapping.totals),
  } as AdjustmentNoteOrder;
  try {
    return await issueAndRespond(c, adjustmentNoteFlow, order);
  } finally {
    await forgetDocument(c, supportDocumentFlow, number);
  }
};
