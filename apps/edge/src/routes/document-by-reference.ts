import { dianStatusOf, isAlreadyProcessed } from "@factus-edge/contracts/schemas/dian-status";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { ReferenceCodeParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { claimJob, jobOf, releaseJob, settleJob } from "../completion/jobs";
import { documentSettled } from "../completion/outcomes";
import { issueDocument } from "../documents/issue";
import type { AnyFlow } from "../documents/kinds/flow";
import { findByReference } from "../documents/lookup";
import { documentRef } from "../documents/mappers";
import { rejectionError, respondIssued, retryPath } from "../documents/verdicts";
import { callFactus, upstream } from "../factus/call";
import { companyNitOf } from "../factus/company";
import { actorOf, ledgerDeletion } from "../ledger/ledger";
import { API_BASE } from "../platform/api-base";
import type { AppEnv } from "../platform/context";
import { deferWrites } from "../platform/deferred-writes";
import { ApiError } from "../platform/errors";
import { defineRoute, jsonResponse } from "./define-route";
import { versionGate } from "./kinds/version-gate";

// The routes every kind shares by reference code: finish a pending document, delete a rejected one.

/** `POST /<resource>/reference/{reference_code}/retry`: Factus' official retry of a document DIAN has not answered. */
export function retryByReference(flow: AnyFlow) {
  const envelope = successEnvelope(flow.createdSchema, "Documento reenviado a la DIAN");
  const route = defineRoute(
    "factus",
    {
      method: "post",
      path: "/reference/{reference_code}/retry",
      operationId: `retry${flow.operation.singular}ByReference`,
      tags: [flow.tag],
      summary: `Terminar ${flow.noun} que la DIAN no ha respondido`,
      description:
        `Reenvía tal cual, con el mismo código de referencia, la solicitud de ${flow.noun} que quedó pendiente (202: ` +
        "la DIAN no respondió a tiempo). Es el reintento oficial de Factus: consulta a la DIAN y actualiza el estado " +
        "sin duplicar el documento ni consumir otro número. Responde 201 si quedó validado, 202 si la DIAN sigue sin " +
        "responder, 200 si ya estaba validado. No sirve para un documento rechazado: ese se corrige y se reenvía con " +
        "el mismo reference_code, o se elimina.",
      request: { params: ReferenceCodeParam },
      responses: {
        201: jsonResponse(envelope, "Validado por la DIAN"),
        202: jsonResponse(envelope, "La DIAN sigue sin responder"),
        200: jsonResponse(envelope, "Ya estaba validado"),
      },
    },
    versionGate(flow, { errors: ["REFERENCE_CODE_IN_USE", "FACTUS_OUTCOME_UNKNOWN"] }),
  );
  const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
    const { reference_code } = c.req.valid("param");
    const document = await callFactus(() => findByReference(c, flow, reference_code));
    if (document === undefined) {
      throw new ApiError("NOT_FOUND", {
        message: `No existe en Factus un documento con código de referencia ${reference_code}`,
      });
    }
    const record = flow.record(document);
    const dianStatus = dianStatusOf(record.status, record.errors);
    if (dianStatus === "validated") {
      await documentSettled(c, flow, reference_code, "validated", document);
      const data = flow.created(document, "Nada que reenviar");
      return c.json({ message: "El documento ya está validado por la DIAN", data }, 200) as never;
    }
    // A rejection is not DIAN being slow: re-sending it unchanged would be rejected again.
    if (dianStatus === "rejected") {
      const state = isAlreadyProcessed(record.errors) ? "already_processed" : "rejected";
      await documentSettled(c, flow, reference_code, state, document);
      throw rejectionError(flow, document);
    }
    const job = await jobOf(c, flow.resource, reference_code);
    if (job?.document_number && job.document_number !== record.number) {
      // The reference now names another document (the one it was kept for was deleted, another took its place):
      // re-sending the stale request would validate a document this request never described.
      await settleJob(c.env.DB, job.company_nit, flow.resource, reference_code, "superseded");
      throw new ApiError("CONFLICT", {
        message:
          `El código de referencia ${reference_code} ya no es del documento ${job.document_number} para el que se ` +
          `guardó la solicitud, sino de ${record.number}: reenvíe la solicitud de ese documento a POST ` +
          `${API_BASE}/${flow.resource}`,
        document: documentRef(record, record.key),
      });
    }
    if (!job) {
      throw new ApiError("CONFLICT", {
        message:
          `Este servicio no guarda la solicitud original de ${reference_code}: reenvíe el mismo cuerpo a POST ` +
          `${API_BASE}/${flow.resource} (mismo reference_code), que es el reintento oficial de Factus`,
      });
    }
    // The background job and this retry never re-send the same document at once.
    const nit = await companyNitOf(c);
    const live = job.state === "scheduled" || job.state === "needs_token";
    if (live && !(await claimJob(c.env.DB, nit, flow.resource, reference_code))) {
      throw new ApiError("CONFLICT", {
        message: `El servicio está reenviando ${flow.noun} ${record.number} en este momento: consúltela en unos segundos`,
        headers: { "Retry-After": "5" },
      });
    }
    try {
      const issued = await issueDocument(c, flow, JSON.parse(job.request));
      return respondIssued(c, flow, issued) as never;
    } finally {
      // A verdict already ended the job; a document still pending stays scheduled, free for its next attempt.
      if (live) await releaseJob(c.env.DB, nit, flow.resource, reference_code).catch(() => undefined);
    }
  };
  return { route, handler };
}

const DeleteQuery = z.strictObject({
  force: z
    .enum(["true", "false"])
    .optional()
    .meta({
      description:
        "true elimina aunque la DIAN no haya respondido (pendiente) o ya tenga el documento (regla 90). Solo si " +
        "sabe que la DIAN no lo validará: eliminar un documento válido ante la DIAN lo deja sin rastro en Factus.",
    }),
});

/** `DELETE /<resource>/reference/{reference_code}`: deletes a rejected document, never one DIAN may still validate. */
export function deleteByReference(flow: AnyFlow) {
  const message = flow.messages.deleted;
  const route = defineRoute(
    "factus",
    {
      method: "delete",
      path: "/reference/{reference_code}",
      operationId: `delete${flow.operation.singular}ByReference`,
      tags: [flow.tag],
      summary: `Eliminar ${flow.noun} rechazada`,
      description:
        `Elimina, por su código de referencia, ${flow.noun} que la DIAN **rechazó**: es lo que desbloquea el rango ` +
        "tras un FACTUS_PENDING_DOCUMENT cuya recuperación es `delete_fix_resend`. Se niega (409) a eliminar un " +
        "documento que la DIAN aún no responde (DOCUMENT_AWAITING_DIAN: reenvíelo tal cual con /retry) o que la DIAN " +
        "ya tiene (regla 90), salvo `?force=true`. Un documento validado no se puede eliminar.",
      request: { params: ReferenceCodeParam, query: DeleteQuery },
      responses: {
        200: jsonResponse(
          successEnvelope(z.object({ reference_code: z.string() }), message),
          "Documento eliminado",
        ),
      },
    },
    versionGate(flow, { errors: ["DOCUMENT_AWAITING_DIAN"] }),
  );
  const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
    const { reference_code } = c.req.valid("param");
    const notFound = `No existe ${flow.noun} con código de referencia ${reference_code}`;
    if (c.req.valid("query").force !== "true") {
      // Deleting a document DIAN may still validate (or already holds) loses track of a legal document.
      const document = await callFactus(() => findByReference(c, flow, reference_code));
      if (document === undefined) throw new ApiError("NOT_FOUND", { message: notFound });
      const record = flow.record(document);
      const ref = documentRef(record, record.key);
      if (dianStatusOf(record.status, record.errors) === "pending") {
        throw new ApiError("DOCUMENT_AWAITING_DIAN", {
          message:
            `La DIAN aún no responde sobre ${flow.noun} ${record.number}: no la elimine, reenvíela tal cual ` +
            `(POST ${retryPath(flow, reference_code)}) o, si sabe que la DIAN no la validará, use ?force=true`,
          document: ref,
        });
      }
      if (record.status !== 1 && isAlreadyProcessed(record.errors))
        throw new ApiError("DIAN_DOCUMENT_ALREADY_PROCESSED", { document: ref });
    }
    await callFactus(() => flow.files(c).delete(reference_code, upstream(c)), notFound);
    const nit = await companyNitOf(c);
    await settleJob(c.env.DB, nit, flow.resource, reference_code, "deleted").catch(() => false);
    // The ledger keeps it, marked deleted (the write rides on the answer's D1 trip, or follows it).
    deferWrites(c, ledgerDeletion(c.env.DB, nit, flow, reference_code, actorOf(c)));
    return c.json({ message, data: { reference_code } }, 200);
  };
  return { route, handler };
}
