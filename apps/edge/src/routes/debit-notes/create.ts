import { toFactusV2DebitNote } from "@factus-edge/contracts/mapping/to-factus-v2";
import { CreateDebitNoteRequest, CreatedDebitNote } from "@factus-edge/contracts/schemas/debit-notes";
import { successEnvelope } from "@factus-edge/contracts/schemas/envelope";
import type { RouteHandler } from "@hono/zod-openapi";
import { correctableInvoice } from "../../documents/credit-note-request";
import { issueAndRespond } from "../../documents/issue";
import { type DebitNoteOrder, debitNoteFlow } from "../../documents/kinds/debit-note";
import { expectedOf, notOnV2 } from "../../documents/kinds/flow";
import { invoiceFlow } from "../../documents/kinds/invoice";
import { forgetDocument } from "../../documents/reads";
import type { AppEnv } from "../../platform/context";
import { defineRoute, jsonBody, jsonResponse } from "../define-route";
import { versionGate } from "../kinds/version-gate";

const answer = (description: string) => ({
  ...jsonResponse(successEnvelope(CreatedDebitNote, debitNoteFlow.messages.created), description),
  headers: {
    Location: { description: "URL de la nota débito", schema: { type: "string" as const } },
    "X-Document-Recovered": {
      description: "Presente cuando la nota se encontró en Factus: `lost-answer` o `existing-reference`.",
      schema: { type: "string" as const, enum: ["lost-answer", "existing-reference"] },
    },
  },
});

export const createDebitNoteRoute = defineRoute(
  "factus",
  {
    method: "post",
    path: "/",
    operationId: "createDebitNote",
    tags: [debitNoteFlow.tag],
    summary: "Crear y validar una nota débito",
    description:
      "Aumenta lo cobrado en una factura validada (intereses, gastos por cobrar, un cambio del valor). Solo en cuentas " +
      "de **Factus v2**: en una cuenta v1 responde 422 `NOT_AVAILABLE_ON_FACTUS_VERSION`. Con `invoice_number` la " +
      "nota se refiere a esa factura (validada por la DIAN) y, si se omite `customer`, toma el de la factura; sin él, " +
      "`customer` y `billing_period` son obligatorios. Mismo ciclo de vida que una factura: 201 validada, 202 " +
      "pendiente de la DIAN, 422 rechazada con el número consumido, y la respuesta perdida se busca por " +
      "`reference_code`.",
    request: jsonBody(CreateDebitNoteRequest, "Nota débito a emitir", {
      invoice_number: "SETP990000001",
      correction_concept_code: "1",
      reference_code: "ND-2026-001",
      items: [
        {
          code_reference: "INT-001",
          name: "Intereses de mora",
          quantity: 1,
          price: 25000,
          tax_rate: 0,
          unit_measure_id: 70,
          standard_code_id: 1,
          is_excluded: 1,
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
  versionGate(debitNoteFlow, {
    idempotent: true,
    errors: ["REFERENCE_CODE_IN_USE", "FACTUS_OUTCOME_UNKNOWN"],
  }),
);

export const createDebitNote: RouteHandler<typeof createDebitNoteRoute, AppEnv> = async (c) => {
  const note = c.req.valid("json");
  const invoice = note.invoice_number;
  // The invoice must be validated; v2 takes its customer when the note names none.
  const bill = invoice ? await correctableInvoice(c, invoice, "una nota débito") : undefined;
  const mapping = toFactusV2DebitNote(note);
  if (!mapping.ok) throw notOnV2(mapping.issues);
  const customer = note.customer?.identification ?? bill?.customer.identification ?? "";
  const order: DebitNoteOrder = {
    factus_api_version: "v2",
    reference_code: note.reference_code,
    body: mapping.body,
    expected: expectedOf(customer, mapping.totals),
  };
  try {
    return await issueAndRespond(c, debitNoteFlow, order);
  } finally {
    // Whatever the outcome, the invoice's detail may now list this note: drop the edge's copy.
    if (invoice) await forgetDocument(c, invoiceFlow, invoice);
  }
};
