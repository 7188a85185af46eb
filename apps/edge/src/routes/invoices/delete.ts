import {
  dianStatusOf,
  InvoiceDeleted,
  isAlreadyProcessed,
  ReferenceCodeParam,
  successEnvelope,
} from "@factus-edge/contracts";
import type { RouteHandler } from "@hono/zod-openapi";
import * as z from "zod";
import { findBillByReference } from "../../lib/bill-lookup";
import type { AppEnv } from "../../lib/context";
import { ApiError } from "../../lib/errors";
import { documentRef } from "../../lib/invoice-mappers";
import { defineRoute, jsonResponse } from "../../lib/openapi";
import { forgetPendingRequest } from "../../lib/pending-requests";
import { callFactus, upstream } from "../../lib/upstream";

const MESSAGE = "Factura eliminada exitosamente";

const DeleteQuery = z.strictObject({
  force: z
    .enum(["true", "false"])
    .optional()
    .meta({
      description:
        "true elimina aunque la DIAN no haya respondido (pendiente) o ya tenga el documento (regla 90). Solo si " +
        "sabe que la DIAN no lo validará: eliminar una factura válida ante la DIAN la deja sin rastro en Factus.",
    }),
});

export const deleteInvoiceRoute = defineRoute(
  "factus",
  {
    method: "delete",
    path: "/reference/{reference_code}",
    operationId: "deleteInvoiceByReference",
    tags: ["Facturas"],
    summary: "Eliminar una factura rechazada",
    description:
      "Elimina, por su código de referencia, una factura que la DIAN **rechazó**: es lo que desbloquea el rango tras " +
      "un FACTUS_PENDING_DOCUMENT cuya recuperación es `delete_fix_resend`. Se niega (409) a eliminar una factura que " +
      "la DIAN aún no responde (DOCUMENT_AWAITING_DIAN: reenvíela tal cual con /retry) o que la DIAN ya tiene (regla " +
      "90), salvo `?force=true`. Una factura validada no se puede eliminar: se corrige con una nota crédito.",
    request: { params: ReferenceCodeParam, query: DeleteQuery },
    responses: { 200: jsonResponse(successEnvelope(InvoiceDeleted, MESSAGE), "Factura eliminada") },
  },
  { errors: ["DOCUMENT_AWAITING_DIAN"] },
);

export const deleteInvoice: RouteHandler<typeof deleteInvoiceRoute, AppEnv> = async (c) => {
  const { reference_code } = c.req.valid("param");
  const notFound = `No existe una factura con código de referencia ${reference_code}`;
  if (c.req.valid("query").force !== "true") {
    // Deleting a document DIAN may still validate (or already holds) loses track of a legal invoice.
    const bill = await callFactus(() => findBillByReference(c, reference_code));
    if (!bill) throw new ApiError("NOT_FOUND", { message: notFound });
    const document = documentRef(bill.bill, bill.bill.cufe);
    if (dianStatusOf(bill.bill.status, bill.bill.errors) === "pending")
      throw new ApiError("DOCUMENT_AWAITING_DIAN", { document });
    if (bill.bill.status !== 1 && isAlreadyProcessed(bill.bill.errors))
      throw new ApiError("DIAN_DOCUMENT_ALREADY_PROCESSED", { document });
  }
  await callFactus(() => c.get("factus").bills.delete(reference_code, upstream(c)), notFound);
  await forgetPendingRequest(c, reference_code);
  return c.json({ message: MESSAGE, data: { reference_code } }, 200);
};
