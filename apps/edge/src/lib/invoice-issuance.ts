import {
  type CreatedInvoice,
  type CreateInvoiceRequest,
  computeInvoiceTotals,
  dianStatusOf,
  type FactusBill,
  type FactusBillSummary,
  isAlreadyProcessed,
} from "@factus-edge/contracts";
import {
  FactusConflictError,
  FactusConnectionError,
  FactusInvalidResponseError,
  FactusServerError,
  FactusTimeoutError,
  FactusValidationError,
} from "@factus-edge/factus-client";
import type { Context } from "hono";
import type { AppEnv } from "./context";
import { ApiError } from "./errors";
import { createdInvoice, documentRef, money } from "./invoice-mappers";
import { forgetPendingRequest, rememberPendingRequest } from "./pending-requests";
import { ruleDetails, toApiError, upstream } from "./upstream";

// Creating an invoice so that the caller always learns the truth about the legal document (SPEC §5): validated,
// pending at DIAN, rejected (with the number it consumed), or already held by DIAN (rule 90); and so that a lost
// answer never loses an invoice nor lets a retry issue a second one.

/** Why an invoice is answered from a lookup in Factus rather than from the create's own answer. */
export type Recovery = "lost-answer" | "existing-reference";

export interface IssuedInvoice {
  status: 200 | 201 | 202;
  message: string;
  data: CreatedInvoice;
  recovered?: Recovery;
}

/** Pages of a reference-code lookup walked at most: Factus' filter is partial ("INV-1" also finds "INV-10"). */
const LOOKUP_PAGES = 20;

/** The bill Factus holds under exactly this reference code, in full; undefined when there is none. */
export async function findBillByReference(
  c: Context<AppEnv>,
  referenceCode: string,
): Promise<FactusBill | undefined> {
  const factus = c.get("factus");
  let page = await factus.bills.list({ reference_code: referenceCode }, upstream(c));
  for (let walked = 1; ; walked++) {
    const row = page.data.find((bill) => bill.reference_code === referenceCode);
    if (row) return factus.bills.get(row.number, upstream(c));
    if (!page.hasNextPage() || walked >= LOOKUP_PAGES) return undefined;
    page = await page.getNextPage();
  }
}

/** Same customer and total: a document Factus holds under the reference is the one this request describes. */
function isSameInvoice(bill: FactusBill, invoice: CreateInvoiceRequest) {
  return (
    bill.customer.identification === invoice.customer.identification &&
    money(bill.bill.total) === money(computeInvoiceTotals(invoice).bill.total)
  );
}

const retryPath = (referenceCode: string) =>
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

/** Looks the reference up after a lost answer; if even that fails, nobody can know yet: say so, keep the key. */
async function lookupAfterLostAnswer(c: Context<AppEnv>, referenceCode: string) {
  try {
    return await findBillByReference(c, referenceCode);
  } catch (lookupError) {
    throw new ApiError("FACTUS_OUTCOME_UNKNOWN", { headers: { "Retry-After": "5" }, cause: lookupError });
  }
}

/** The blocking documents of a 409, each with its safe recovery; the first one named in `error.document`. */
async function pendingDocumentError(c: Context<AppEnv>, cause: unknown): Promise<ApiError> {
  let pending: FactusBillSummary[] = [];
  try {
    pending = (await c.get("factus").bills.list({ status: 0 }, upstream(c))).data;
  } catch {
    // The 409 stands on its own; naming the blocker is a courtesy that Factus may not allow right now.
  }
  const details = pending.map((row) => ({ path: row.number, message: recoveryMessage(row) }));
  const first = pending[0];
  return new ApiError("FACTUS_PENDING_DOCUMENT", {
    ...(first ? { message: recoveryMessage(first), document: documentRef(first) } : {}),
    details,
    cause,
  });
}

function recoveryMessage(row: {
  number: string;
  reference_code: string | null;
  status: number;
  errors: string[];
}) {
  const reference = row.reference_code ?? "";
  const name = `documento ${row.number} (${reference})`;
  const dianStatus = dianStatusOf(row.status, row.errors);
  if (dianStatus === "pending") {
    return `El ${name} espera la respuesta de la DIAN y bloquea el rango: no lo elimine; reenvíelo tal cual con POST ${retryPath(reference)}`;
  }
  if (isAlreadyProcessed(row.errors)) {
    return `El ${name} ya está en la DIAN (regla 90) y bloquea el rango: no lo elimine ni lo reenvíe; concílielo con Factus`;
  }
  return (
    `La DIAN rechazó el ${name}, que bloquea el rango: elimínelo con DELETE ` +
    `/api/v1/invoices/reference/${encodeURIComponent(reference)} o reenvíelo corregido con el mismo reference_code`
  );
}

/** The create's answer was lost after Factus may have issued the invoice. */
const isLostAnswer = (error: unknown) =>
  error instanceof FactusTimeoutError ||
  error instanceof FactusConnectionError ||
  error instanceof FactusServerError ||
  error instanceof FactusInvalidResponseError;

const isDuplicateReference = (error: FactusValidationError) =>
  !error.isDianRejection && error.fieldErrors.some((field) => field.field === "reference_code");

/** Turns a failed create into the truth: the invoice when Factus holds it, else the translated error. */
async function recoverFromCreateError(
  c: Context<AppEnv>,
  invoice: CreateInvoiceRequest,
  error: unknown,
): Promise<IssuedInvoice> {
  const reference = invoice.reference_code;
  if (isLostAnswer(error)) {
    c.set("outcomeUnknown", true);
    const bill = await lookupAfterLostAnswer(c, reference);
    if (!bill) {
      const apiError = toApiError(error);
      throw new ApiError(apiError.code, {
        ...apiError.options,
        message:
          `${apiError.message}. El documento no aparece en Factus; reintente con la misma Idempotency-Key o el ` +
          "mismo reference_code (nunca con otro): antes de reenviar se volverá a buscar",
      });
    }
    c.set("outcomeUnknown", false);
    return answerForBill(bill, invoice, "lost-answer");
  }
  if (error instanceof FactusValidationError && (error.isDianRejection || isDuplicateReference(error))) {
    const bill = await findBillByReference(c, reference).catch(() => undefined);
    if (bill && isDuplicateReference(error)) return answerForBill(bill, invoice, "existing-reference");
    if (error.isDianRejection) {
      if (bill) throw rejectionError(bill, ruleDetails(error));
      // Factus could not be asked: the consumed number is still in its answer ("Documento SETP… rechazado…").
      const number = /Documento\s+(\S+)\s+rechazado/i.exec(error.message)?.[1] ?? null;
      const errors = error.ruleErrors.map((rule) => rule.message);
      const apiError = toApiError(error);
      throw new ApiError(apiError.code, {
        ...apiError.options,
        document: documentRef({ number, reference_code: reference, status: 0, errors }),
      });
    }
  }
  if (error instanceof FactusConflictError && error.pendingDocument)
    throw await pendingDocumentError(c, error);
  throw toApiError(error);
}

/**
 * Creates and validates an invoice, reconciling first when an earlier try of the same Idempotency-Key lost its
 * answer. A pending answer keeps the request so the retry route can re-send it as is.
 */
export async function issueInvoice(
  c: Context<AppEnv>,
  invoice: CreateInvoiceRequest,
): Promise<IssuedInvoice> {
  if (c.get("reconcileFirst")) {
    const bill = await lookupAfterLostAnswer(c, invoice.reference_code);
    if (bill) return answerForBill(bill, invoice, "lost-answer");
  }
  let issued: IssuedInvoice;
  try {
    // Already parsed with CreateInvoiceRequest, which is stricter than Factus' own rules: no second pass.
    const bill = await c.get("factus").bills.create(invoice, {
      ...upstream(c),
      prevalidated: true,
      timeout: c.get("config").factusCreateTimeoutMs,
    });
    issued = answerForBill(bill, invoice);
  } catch (error) {
    issued = await recoverFromCreateError(c, invoice, error);
  }
  if (issued.status === 202) await rememberPendingRequest(c, invoice);
  else if (issued.recovered) await forgetPendingRequest(c, invoice.reference_code);
  return issued;
}

/** Sends an issued invoice's answer: status, Location, and a header when it came from a lookup. */
export function respondIssued(c: Context<AppEnv>, issued: IssuedInvoice) {
  c.header("Location", `/api/v1/invoices/${encodeURIComponent(issued.data.number)}`);
  if (issued.recovered) c.header("X-Document-Recovered", issued.recovered);
  return c.json({ message: issued.message, data: issued.data }, issued.status);
}
