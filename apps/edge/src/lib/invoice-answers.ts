import {
  type CreatedInvoice,
  type CreateInvoiceRequest,
  computeInvoiceTotals,
  dianStatusOf,
  type FactusBill,
  isAlreadyProcessed,
} from "@factus-edge/contracts";
import type { Context } from "hono";
import type { AppEnv } from "./context";
import { ApiError } from "./errors";
import { createdInvoice, documentRef, money } from "./invoice-mappers";

// What the API answers about an invoice Factus holds (SPEC §5): validated, pending at DIAN, rejected (with the number
// it consumed) or already held by DIAN (rule 90); and a conflict when the reference names another invoice.

/** Why an invoice is answered from a lookup in Factus rather than from the create's own answer. */
export type Recovery = "lost-answer" | "existing-reference";

export interface IssuedInvoice {
  status: 200 | 201 | 202;
  message: string;
  data: CreatedInvoice;
  recovered?: Recovery;
}

/** Same customer and total: a document Factus holds under the reference is the one this request describes. */
function isSameInvoice(bill: FactusBill, invoice: CreateInvoiceRequest) {
  return (
    bill.customer.identification === invoice.customer.identification &&
    money(bill.bill.total) === money(computeInvoiceTotals(invoice).bill.total)
  );
}

export const retryPath = (referenceCode: string) =>
  `/api/v1/invoices/reference/${encodeURIComponent(referenceCode)}/retry`;

/** The error of a document DIAN rejected, naming it (its number is consumed) and what is safe to do. */
export function rejectionError(
  bill: FactusBill,
  details = bill.bill.errors.map((text) => ({ path: "", message: text })),
) {
  const document = documentRef(bill.bill, bill.bill.cufe);
  if (isAlreadyProcessed(bill.bill.errors))
    return new ApiError("DIAN_DOCUMENT_ALREADY_PROCESSED", { details, document });
  return new ApiError("DIAN_REJECTED", {
    message:
      `La DIAN rechazó el documento ${bill.bill.number}: el número quedó consumido y bloquea el rango. Corríjalo y ` +
      "reenvíelo con el mismo reference_code, o elimínelo por su código de referencia",
    details,
    document,
  });
}

/**
 * The answer for a bill Factus holds, after checking it is this request's invoice: 201 validated (200 when it was
 * already there under a re-sent reference), 202 while DIAN has not answered, an error for a rejection.
 */
export function answerForBill(
  bill: FactusBill,
  invoice: CreateInvoiceRequest,
  recovered?: Recovery,
): IssuedInvoice {
  if (!isSameInvoice(bill, invoice)) {
    throw new ApiError("REFERENCE_CODE_IN_USE", {
      message:
        `El código de referencia ${invoice.reference_code} ya es del documento ${bill.bill.number}, con otro ` +
        "cliente o total: use otro código de referencia para una factura distinta",
      document: documentRef(bill.bill, bill.bill.cufe),
    });
  }
  const dianStatus = dianStatusOf(bill.bill.status, bill.bill.errors);
  const number = bill.bill.number;
  if (dianStatus === "rejected") throw rejectionError(bill);
  if (dianStatus === "pending") {
    return {
      status: 202,
      message: "Factura recibida; pendiente de la respuesta de la DIAN",
      data: createdInvoice(
        bill,
        `Documento ${number} numerado y guardado; la DIAN aún no responde. No lo elimine: reenvíe la misma ` +
          `solicitud (mismo reference_code) o llame a POST ${retryPath(invoice.reference_code)} para terminarlo`,
      ),
      ...(recovered ? { recovered } : {}),
    };
  }
  const existing = recovered === "existing-reference";
  return {
    status: existing ? 200 : 201,
    message: existing ? "Factura ya emitida con este código de referencia" : "Factura creada exitosamente",
    data: createdInvoice(bill, `Documento ${number} validado por la DIAN`),
    ...(recovered ? { recovered } : {}),
  };
}

/** Sends an issued invoice's answer: status, Location, and a header when it came from a lookup. */
export function respondIssued(c: Context<AppEnv>, issued: IssuedInvoice) {
  c.header("Location", `/api/v1/invoices/${encodeURIComponent(issued.data.number)}`);
  if (issued.recovered) c.header("X-Document-Recovered", issued.recovered);
  return c.json({ message: issued.message, data: issued.data }, issued.status);
}
