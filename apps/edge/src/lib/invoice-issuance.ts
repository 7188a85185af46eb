import type { CreateInvoiceRequest } from "@factus-edge/contracts";
import {
  FactusConflictError,
  FactusConnectionError,
  FactusInvalidResponseError,
  FactusServerError,
  FactusTimeoutError,
  FactusValidationError,
} from "@factus-edge/factus-client";
import type { Context } from "hono";
import { findBillByReference } from "./bill-lookup";
import type { AppEnv } from "./context";
import { ApiError } from "./errors";
import { answerForBill, type IssuedInvoice, rejectionError } from "./invoice-answers";
import { documentRef } from "./invoice-mappers";
import { pendingDocumentError } from "./pending-documents";
import { forgetPendingRequest, rememberPendingRequest } from "./pending-requests";
import { checkNumberingRange } from "./range-preflight";
import { ruleDetails, toApiError, upstream } from "./upstream";

// Creating an invoice so that a lost answer never loses an invoice nor lets a retry issue a second one: when Factus'
// answer goes missing, the invoice is looked up by reference before anything is answered or sent again.

/** Looks the reference up after a lost answer; if even that fails, nobody can know yet: say so, keep the key. */
async function lookupAfterLostAnswer(c: Context<AppEnv>, referenceCode: string) {
  try {
    return await findBillByReference(c, referenceCode);
  } catch (lookupError) {
    throw new ApiError("FACTUS_OUTCOME_UNKNOWN", { headers: { "Retry-After": "5" }, cause: lookupError });
  }
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
  await checkNumberingRange(c, invoice);
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
