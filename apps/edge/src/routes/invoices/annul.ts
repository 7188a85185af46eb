import { AnnulInvoiceRequest, CreatedCreditNote } from "@factus-edge/contracts/schemas/credit-notes";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import { DocumentNumberParam } from "@factus-edge/contracts/schemas/path-params";
import type { RouteHandler } from "@hono/zod-openapi";
import {
  chargesOfBill,
  correctableInvoice,
  customerOfBill,
  itemsOfBill,
  remainingOf,
} from "../../documents/credit-note-request";
import { v2AnnulmentOrder } from "../../documents/credit-note-v2";
import { withInvoiceLease } from "../../documents/invoice-lease";
import { issueAndRespond } from "../../documents/issue";
import { type CreditNoteOrder, creditNoteFlow } from "../../documents/kinds/credit-note";
import { invoiceFlow } from "../../documents/kinds/invoice";
import { pesos } from "../../documents/money";
import { forgetDocument } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Factura anulada exitosamente";

/** The bill's document-level charges, when it has any: an annulment credits the whole invoice, a tip included. */
const annulledCharges = (bill: Parameters<typeof chargesOfBill>[0]) => {
  const charges = chargesOfBill(bill);
  return charges.length > 0 ? { allowance_charges: charges } : {};
};

export const annulInvoiceRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/{number}/annul",
    operationId: "annulInvoice",
    tags: ["Facturas"],
    summary: "Anular una factura con una nota crédito",
    description:
      "Anula una factura validada de la única forma legal: una nota crédito de anulación (concepto 2) construida " +
      "con las líneas y el cliente de la propia factura, sin volver a escribirlos. Se niega (409) si la factura no " +
      "está validada, si ya está anulada (sus notas crédito suman su total) o si ya tiene notas parciales (el saldo " +
      "se acredita con POST /credit-notes). Responde como la creación de una nota crédito (201, 202 pendiente…).",
    request: {
      params: DocumentNumberParam,
      ...jsonBody(AnnulInvoiceRequest, "Motivo y código de referencia (opcionales)", {
        reason: "Factura emitida por error",
      }),
    },
    responses: {
      201: jsonResponse(successEnvelope(CreatedCreditNote, MESSAGE), "Factura anulada por la nota crédito"),
      202: jsonResponse(
        successEnvelope(CreatedCreditNote, MESSAGE),
        "Nota de anulación pendiente de la DIAN",
      ),
      200: jsonResponse(successEnvelope(CreatedCreditNote, MESSAGE), "La nota de anulación ya existía"),
    },
  },
  { idempotent: true, errors: ["REFERENCE_CODE_IN_USE", "FACTUS_OUTCOME_UNKNOWN"] },
);

export const annulInvoice: RouteHandler<typeof annulInvoiceRoute, AppEnv> = async (c) => {
  const { number } = c.req.valid("param");
  const { reason, reference_code } = c.req.valid("json");
  try {
    // Under the invoice's lease, like any credit note: an annulment and a partial note cannot race.
    return await withInvoiceLease(c, number, async () => {
      const bill = await correctableInvoice(c, number);
      const reference = reference_code ?? `ANUL-${number}`;
      const observation = reason ?? `Anulación de la factura ${number}`;
      const request: CreditNoteOrder =
        bill.apiVersion === "v2"
          ? v2AnnulmentOrder(bill.v2, reference, observation)
          : {
              correction_concept_code: "2",
              customization_id: "20",
              bill_id: bill.bill.id,
              reference_code: reference,
              observation,
              payment_method_code: "10",
              customer: customerOfBill(bill),
              items: itemsOfBill(bill),
              ...annulledCharges(bill),
            };
      await forgetDocument(c, invoiceFlow, number);
      // Checked right before sending: a retry whose annulment was issued but whose answer was lost finds its note
      // first, instead of being told the invoice is already annulled.
      const beforeSend = async () => {
        const { credited, remaining } = await remainingOf(c, bill);
        if (remaining <= 0n) {
          throw new ApiError("CONFLICT", {
            message: `La factura ${number} ya está anulada: sus notas crédito suman su total`,
          });
        }
        if (credited > 0n) {
          throw new ApiError("CONFLICT", {
            message:
              `La factura ${number} ya tiene notas crédito por ${pesos(credited)}: acredite el saldo ` +
              `(${pesos(remaining)}) con POST /api/v1/credit-notes`,
          });
        }
      };
      return issueAndRespond(c, creditNoteFlow, request, { message: MESSAGE, beforeSend });
    });
  } finally {
    // Whatever the outcome, the invoice's detail may now list the note: drop the edge's copy.
    await forgetDocument(c, invoiceFlow, number);
  }
};
