import { CreateCreditNoteRequest, CreatedCreditNote } from "@factus-edge/contracts/schemas/credit-notes";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import { factusCreditNote } from "../../documents/credit-note-request";
import { withInvoiceLease } from "../../documents/invoice-lease";
import { issueAndRespond } from "../../documents/issue";
import { creditNoteFlow } from "../../documents/kinds/credit-note";
import { invoiceFlow } from "../../documents/kinds/invoice";
import { forgetDocument } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";

const MESSAGE = "Nota crédito creada exitosamente";
const answer = (description: string) => ({
  ...jsonResponse(successEnvelope(CreatedCreditNote, MESSAGE), description),
  headers: {
    Location: { description: "URL de la nota crédito", schema: { type: "string" as const } },
    "X-Document-Recovered": {
      description: "Presente cuando la nota se encontró en Factus: `lost-answer` o `existing-reference`.",
      schema: { type: "string" as const, enum: ["lost-answer", "existing-reference"] },
    },
  },
});

export const createCreditNoteRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/",
    operationId: "createCreditNote",
    tags: ["Notas crédito"],
    summary: "Crear y validar una nota crédito",
    description:
      "La única corrección legal de una factura validada: la DIAN no permite editarla ni eliminarla. Con " +
      "`invoice_number` la nota corrige esa factura (el servicio la resuelve al `bill_id` de Factus y, si se omite " +
      "`customer`, toma el de la factura); sin él, `customer` y `billing_period` son obligatorios. Nunca acredita " +
      "más que el saldo de la factura (su total menos sus notas no rechazadas): se comprueba antes de enviar. Mismo " +
      "ciclo de vida que una factura: 201 validada, 202 pendiente de la DIAN, 422 rechazada con el número " +
      "consumido, y la respuesta perdida se busca por `reference_code`. Precios con impuestos incluidos (Factus v1).",
    request: jsonBody(CreateCreditNoteRequest, "Nota crédito a emitir", {
      invoice_number: "SETP990000001",
      correction_concept_code: "1",
      reference_code: "NC-2024-001",
      items: [
        {
          code_reference: "PROD-001",
          name: "Software License (devolución)",
          quantity: 1,
          price: 100000,
          tax_rate: 19,
          unit_measure_id: 70,
          standard_code_id: 1,
          is_excluded: 0,
          tribute_id: 1,
        },
      ],
    }),
    responses: {
      201: answer("Nota validada por la DIAN"),
      202: answer("La DIAN aún no responde: la nota quedó numerada; reenvíela tal cual (/retry)"),
      200: answer("Ya existía una nota con este reference_code, el mismo cliente y el mismo total"),
    },
  },
  { idempotent: true, errors: ["REFERENCE_CODE_IN_USE", "FACTUS_OUTCOME_UNKNOWN"] },
);

export const createCreditNote: RouteHandler<typeof createCreditNoteRoute, AppEnv> = async (c) => {
  const note = c.req.valid("json");
  const invoice = note.invoice_number;
  const issue = async () => {
    const { request, checkBalance } = await factusCreditNote(c, note);
    return issueAndRespond(c, creditNoteFlow, request, { beforeSend: checkBalance });
  };
  if (!invoice) return issue();
  try {
    // The invoice's balance is read and the note sent under its lease: concurrent notes cannot over-credit it.
    return await withInvoiceLease(c, invoice, issue);
  } finally {
    // Whatever the outcome, the invoice's detail may now list this note: drop the edge's copy.
    await forgetDocument(c, invoiceFlow, invoice);
  }
};
