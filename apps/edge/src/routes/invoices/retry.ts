import { CreatedInvoice, dianStatusOf, ReferenceCodeParam, successEnvelope } from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import { findBillByReference } from "../../lib/bill-lookup";
import type { AppEnv } from "../../lib/context";
import { ApiError } from "../../lib/errors";
import { rejectionError, respondIssued } from "../../lib/invoice-answers";
import { issueInvoice } from "../../lib/invoice-issuance";
import { createdInvoice } from "../../lib/invoice-mappers";
import { defineRoute, jsonResponse } from "../../lib/openapi";
import { forgetPendingRequest, pendingRequest } from "../../lib/pending-requests";
import { callFactus } from "../../lib/upstream";

const MESSAGE = "Factura reenviada a la DIAN";

export const retryInvoiceRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/reference/{reference_code}/retry",
    operationId: "retryInvoiceByReference",
    tags: ["Facturas"],
    summary: "Terminar una factura que la DIAN no ha respondido",
    description:
      "Reenvía tal cual, con el mismo código de referencia, la solicitud de una factura que quedó pendiente (202: la " +
      "DIAN no respondió a tiempo). Es el reintento oficial de Factus: consulta a la DIAN y actualiza el estado sin " +
      "duplicar la factura ni consumir otro número. Responde 201 si quedó validada, 202 si la DIAN sigue sin " +
      "responder, 200 si ya estaba validada. No sirve para una factura rechazada: esa se corrige y se reenvía con " +
      "POST /invoices (mismo reference_code) o se elimina.",
    request: { params: ReferenceCodeParam },
    responses: {
      201: jsonResponse(successEnvelope(CreatedInvoice, MESSAGE), "Validada por la DIAN"),
      202: jsonResponse(successEnvelope(CreatedInvoice, MESSAGE), "La DIAN sigue sin responder"),
      200: jsonResponse(successEnvelope(CreatedInvoice, MESSAGE), "Ya estaba validada"),
    },
  },
  { errors: ["REFERENCE_CODE_IN_USE", "FACTUS_OUTCOME_UNKNOWN"] },
);

export const retryInvoice: RouteHandler<typeof retryInvoiceRoute, AppEnv> = async (c) => {
  const { reference_code } = c.req.valid("param");
  const bill = await callFactus(() => findBillByReference(c, reference_code));
  if (!bill) {
    throw new ApiError("NOT_FOUND", {
      message: `No existe en Factus un documento con código de referencia ${reference_code}`,
    });
  }
  const dianStatus = dianStatusOf(bill.bill.status, bill.bill.errors);
  if (dianStatus === "validated") {
    await forgetPendingRequest(c, reference_code);
    return c.json(
      { message: "La factura ya está validada por la DIAN", data: createdInvoice(bill, "Nada que reenviar") },
      200,
    );
  }
  // A rejection is not DIAN being slow: re-sending it unchanged would be rejected again.
  if (dianStatus === "rejected") throw rejectionError(bill);
  const request = await pendingRequest(c, reference_code);
  if (!request) {
    throw new ApiError("CONFLICT", {
      message:
        `Este servicio no guarda la solicitud original de ${reference_code}: reenvíe el mismo cuerpo con POST ` +
        "/api/v1/invoices (mismo reference_code), que es el reintento oficial de Factus",
    });
  }
  const issued = await issueInvoice(c, request);
  if (issued.status !== 202) await forgetPendingRequest(c, reference_code);
  return respondIssued(c, issued);
};
