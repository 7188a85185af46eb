import {
  FactusConflictError,
  FactusConnectionError,
  FactusInvalidResponseError,
  FactusServerError,
  FactusSubscriptionError,
  FactusTimeoutError,
  FactusValidationError,
} from "@factus-edge/factus-client";
import type { Context } from "hono";
import { ruleDetails, toApiError } from "../factus/errors";
import { subscriptionExhausted } from "../factus/subscription";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import type { DocumentFlow } from "./kinds";
import { findByReference } from "./lookup";
import { documentRef } from "./mappers";
import { forgetPendingRequest, rememberPendingRequest } from "./pending-requests";
import { pendingDocumentError } from "./range-blocked";
import { answerFor, type Issued, rejectionError, respondIssued } from "./verdicts";

// Creating a document (invoice or credit note) so that a lost answer never loses it nor lets a retry issue a second
// one: when Factus' answer goes missing, the document is looked up by reference before anything is answered or
// sent again.

type Flow<Request extends { reference_code: string }, Document, Created> = DocumentFlow<
  Request,
  Document,
  Created
>;

/** Looks the reference up after a lost answer; if even that fails, nobody can know yet: say so, keep the key. */
async function lookupAfterLostAnswer<Document>(
  c: Context<AppEnv>,
  flow: Flow<{ reference_code: string }, Document, unknown>,
  referenceCode: string,
) {
  try {
    return await findByReference(c, flow, referenceCode);
  } catch (lookupError) {
    throw new ApiError("FACTUS_OUTCOME_UNKNOWN", { headers: { "Retry-After": "5" }, cause: lookupError });
  }
}

/** The create's answer was lost after Factus may have issued the document. */
const isLostAnswer = (error: unknown) =>
  error instanceof FactusTimeoutError ||
  error instanceof FactusConnectionError ||
  error instanceof FactusServerError ||
  error instanceof FactusInvalidResponseError;

const isDuplicateReference = (error: FactusValidationError) =>
  !error.isDianRejection && error.fieldErrors.some((field) => field.field === "reference_code");

/** Turns a failed create into the truth: the document when Factus holds it, else the translated error. */
async function recoverFromCreateError<Request extends { reference_code: string }, Document, Created>(
  c: Context<AppEnv>,
  flow: Flow<Request, Document, Created>,
  request: Request,
  error: unknown,
): Promise<Issued<Created>> {
  const reference = request.reference_code;
  if (isLostAnswer(error)) {
    c.set("outcomeUnknown", true);
    const document = await lookupAfterLostAnswer(c, flow, reference);
    if (document === undefined) {
      const apiError = toApiError(error);
      throw new ApiError(apiError.code, {
        ...apiError.options,
        message:
          `${apiError.message}. El documento no aparece en Factus; reintente con la misma Idempotency-Key o el ` +
          "mismo reference_code (nunca con otro): antes de reenviar se volverá a buscar",
      });
    }
    c.set("outcomeUnknown", false);
    return answerFor(flow, document, request, "lost-answer");
  }
  if (error instanceof FactusValidationError && (error.isDianRejection || isDuplicateReference(error))) {
    const document = await findByReference(c, flow, reference).catch(() => undefined);
    if (document !== undefined && isDuplicateReference(error))
      return answerFor(flow, document, request, "existing-reference");
    if (error.isDianRejection) {
      if (document !== undefined) throw rejectionError(flow, document, ruleDetails(error));
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
    throw await pendingDocumentError(c, flow, error);
  if (error instanceof FactusSubscriptionError) throw await subscriptionExhausted(c, error);
  throw toApiError(error);
}

/**
 * Creates and validates a document, reconciling first when an earlier try of the same Idempotency-Key lost its
 * answer. A pending answer keeps the request so the retry route can re-send it as is.
 */
export async function issueDocument<Request extends { reference_code: string }, Document, Created>(
  c: Context<AppEnv>,
  flow: Flow<Request, Document, Created>,
  request: Request,
): Promise<Issued<Created>> {
  if (c.get("reconcileFirst")) {
    const document = await lookupAfterLostAnswer(c, flow, request.reference_code);
    if (document !== undefined) return answerFor(flow, document, request, "lost-answer");
  }
  let issued: Issued<Created>;
  try {
    issued = answerFor(flow, await flow.create(c, request), request);
  } catch (error) {
    issued = await recoverFromCreateError(c, flow, request, error);
  }
  if (issued.status === 202) await rememberPendingRequest(c, flow.resource, request);
  else if (issued.recovered) await forgetPendingRequest(c, flow.resource, request.reference_code);
  return issued;
}

/**
 * What every create route does: issue the document, then answer it (status, Location, X-Document-Recovered). The
 * answer's `message` may be the route's own (an annulment answers "Factura anulada…").
 */
export async function issueAndRespond<
  Request extends { reference_code: string },
  Document,
  Created extends { number: string },
>(
  c: Context<AppEnv>,
  flow: Flow<Request, Document, Created>,
  request: Request,
  options: { message?: string } = {},
) {
  const issued = await issueDocument(c, flow, request);
  return respondIssued(c, flow, options.message ? { ...issued, message: options.message } : issued);
}
