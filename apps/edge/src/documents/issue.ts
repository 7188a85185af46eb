import {
  FactusConflictError,
  FactusConnectionError,
  FactusInvalidResponseError,
  FactusServerError,
  FactusSubscriptionError,
  FactusTimeoutError,
  FactusValidationError,
} from "@factus-edge/factus-client/errors";
import type { Context } from "hono";
import { ownDocument } from "../completion/jobs";
import { documentPending, documentSettled } from "../completion/outcomes";
import { ruleDetails, toApiError } from "../factus/errors";
import { subscriptionExhausted } from "../factus/subscription";
import { flushLedger, recordDocument } from "../ledger/ledger";
import { afterAnswer } from "../platform/after-answer";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";
import type { DocumentFlow } from "./kinds/flow";
import { findByReference } from "./lookup";
import { documentRef } from "./mappers";
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

/**
 * The rule every path that can end a create goes through: a final answer is stored only when the gateway knows the
 * outcome. When it cannot tell whether Factus holds the document (a lookup that could not be made, for any reason),
 * the answer is a retryable 503 FACTUS_OUTCOME_UNKNOWN and the Idempotency-Key stays "outcome unknown" (the
 * `outcomeUnknown` flag the idempotency middleware reads), so its next try looks again before it ever sends.
 */
function outcomeUnknown(c: Context<AppEnv>, cause: unknown) {
  c.set("outcomeUnknown", true);
  return new ApiError("FACTUS_OUTCOME_UNKNOWN", { headers: { "Retry-After": "5" }, cause });
}

/** The document Factus holds under the reference, or undefined; a lookup that fails is an unknown outcome. */
async function lookupOrUnknown<Document>(
  c: Context<AppEnv>,
  flow: Flow<{ reference_code: string }, Document, unknown>,
  referenceCode: string,
) {
  try {
    return await findByReference(c, flow, referenceCode);
  } catch (lookupError) {
    throw outcomeUnknown(c, lookupError);
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
    const document = await lookupOrUnknown(c, flow, reference);
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
  if (error instanceof FactusValidationError && isDuplicateReference(error)) {
    // Factus says the reference is used: it resolves to that document (or the 409 naming it), never to Factus' 422.
    const document = await lookupOrUnknown(c, flow, reference);
    if (document !== undefined) return answerFor(flow, document, request, "existing-reference");
    const used =
      error.fieldErrors.find((field) => field.field === "reference_code")?.messages.join(" ") ?? "";
    const number = /usad[oa] en .*?\s(\S+)\s*$/i.exec(used)?.[1];
    throw new ApiError("REFERENCE_CODE_IN_USE", {
      message:
        `Factus dice que el código de referencia ${reference} ya fue usado${number ? ` (documento ${number})` : ""}, ` +
        `pero no encontró ${flow.noun} que lo tenga: consulte el documento antes de reintentar`,
      cause: error,
    });
  }
  if (error instanceof FactusValidationError && error.isDianRejection) {
    // Factus' own answer says what happened (rejected): a failed lookup only loses the detail, not the outcome.
    const document = await findByReference(c, flow, reference).catch(() => undefined);
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
  if (error instanceof FactusConflictError && error.pendingDocument)
    throw await pendingDocumentError(c, flow, error);
  if (error instanceof FactusSubscriptionError) throw await subscriptionExhausted(c, error);
  throw toApiError(error);
}

export interface IssueOptions {
  /**
   * A check that must hold when the document is sent (a credit note within its invoice's balance), run after a
   * reconcile-first lookup found nothing, right before the create.
   */
  beforeSend?: () => Promise<void>;
}

/**
 * Creates and validates a document, reconciling first when an earlier try of the same Idempotency-Key lost its
 * answer. A pending answer, or an outcome that stays unknown, hands the document to the gateway's background
 * completion (src/completion); every verdict ends its job and is told to the company's webhooks after the answer.
 */
export async function issueDocument<Request extends { reference_code: string }, Document, Created>(
  c: Context<AppEnv>,
  flow: Flow<Request, Document, Created>,
  request: Request,
  options: IssueOptions = {},
): Promise<Issued<Created>> {
  let issued: Issued<Created>;
  try {
    issued = await createOrReconcile(c, flow, request, options);
  } catch (error) {
    await afterFailedIssue(c, flow, request, error);
    throw error;
  }
  // The ledger write rides on the next D1 round trip: the job's (pending) or the idempotency answer's.
  await recordDocument(c, flow, issued.document);
  if (issued.status === 202) {
    await ownDocument(c, flow.resource, request, (issued.data as { number: string }).number);
    await afterAnswer(c, documentPending(c, flow, issued.document));
  } else {
    await afterAnswer(c, documentSettled(c, flow, request.reference_code, "validated", issued.document));
  }
  return issued;
}

async function createOrReconcile<Request extends { reference_code: string }, Document, Created>(
  c: Context<AppEnv>,
  flow: Flow<Request, Document, Created>,
  request: Request,
  options: IssueOptions,
): Promise<Issued<Created>> {
  if (c.get("reconcileFirst")) {
    const document = await lookupOrUnknown(c, flow, request.reference_code);
    if (document !== undefined) return answerFor(flow, document, request, "lost-answer");
  }
  // Only now, when a document is about to be sent: a reconciled retry must find its own note, not be refused by the
  // balance that note already consumed.
  await options.beforeSend?.();
  try {
    return answerFor(flow, await flow.create(c, request), request);
  } catch (error) {
    return recoverFromCreateError(c, flow, request, error);
  }
}

/** An outcome left unknown is owned by the gateway; DIAN's verdicts end the reference's job and are told. */
async function afterFailedIssue<Request extends { reference_code: string }>(
  c: Context<AppEnv>,
  flow: Flow<Request, unknown, unknown>,
  request: Request,
  error: unknown,
) {
  if (!(error instanceof ApiError)) return;
  if (error.code === "FACTUS_OUTCOME_UNKNOWN") {
    await ownDocument(c, flow.resource, request, null);
    return;
  }
  const number = error.options.document?.number;
  if (error.code === "DIAN_REJECTED" || error.code === "DIAN_DOCUMENT_ALREADY_PROCESSED") {
    const state = error.code === "DIAN_REJECTED" ? "rejected" : "already_processed";
    if (!number) return;
    // The rejected document (its number is consumed) is read once, after the answer, for the ledger and the event.
    const settle = async () => {
      const document = await flow.get(c, number);
      await documentSettled(c, flow, request.reference_code, state, document);
      await flushLedger(c);
    };
    await afterAnswer(c, settle());
  }
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
  options: IssueOptions & { message?: string } = {},
) {
  const issued = await issueDocument(c, flow, request, options);
  return respondIssued(c, flow, options.message ? { ...issued, message: options.message } : issued);
}
