import type { ErrorCode, ErrorDetail } from "@factus-edge/contracts/schemas/errors";
import { parseRetryAfter } from "@factus-edge/factus-client/error-mapping";
import {
  FactusAbortError,
  FactusApiError,
  FactusAuthenticationError,
  FactusConflictError,
  FactusConnectionError,
  type FactusError,
  FactusInvalidRequestError,
  FactusInvalidResponseError,
  FactusNotFoundError,
  FactusRateLimitError,
  FactusServerError,
  FactusSubscriptionError,
  FactusTimeoutError,
  FactusValidationError,
  FactusVersionError,
} from "@factus-edge/factus-client/errors";
import { ApiError } from "../platform/errors";

/** A DIAN rejection's rules as error details. */
export const ruleDetails = (error: FactusValidationError): ErrorDetail[] =>
  error.ruleErrors.map((rule) => ({ path: rule.rule, message: rule.message }));

interface Translation<E extends FactusError, C extends ErrorCode> {
  type: abstract new (...args: never[]) => E;
  /** Every code `translate` may answer: the OpenAPI document of a Factus-backed route lists them all. */
  codes: readonly C[];
  translate: (error: E, notFoundMessage: string) => ApiError<NoInfer<C>>;
}
const translation = <E extends FactusError, C extends ErrorCode>(entry: Translation<E, C>) =>
  entry as unknown as Translation<FactusError, ErrorCode>;

/**
 * The one table from a Factus client error to the API's envelope (the error codes of the README), most specific class first. Factus' own
 * wording is kept only where it helps the caller act (422 details, a 403's reason); 5xx bodies never pass through.
 */
const TRANSLATIONS = [
  translation({
    type: FactusAuthenticationError,
    codes: ["FACTUS_UNAUTHENTICATED"],
    translate: (error) => new ApiError("FACTUS_UNAUTHENTICATED", { cause: error }),
  }),
  translation({
    type: FactusSubscriptionError,
    codes: ["FACTUS_SUBSCRIPTION_EXHAUSTED"],
    translate: (error) => new ApiError("FACTUS_SUBSCRIPTION_EXHAUSTED", { cause: error }),
  }),
  translation({
    type: FactusNotFoundError,
    codes: ["NOT_FOUND"],
    translate: (error, message) => new ApiError("NOT_FOUND", { message, cause: error }),
  }),
  translation({
    type: FactusConflictError,
    codes: ["FACTUS_PENDING_DOCUMENT", "CONFLICT"],
    translate: (error) =>
      error.pendingDocument
        ? new ApiError("FACTUS_PENDING_DOCUMENT", { cause: error })
        : new ApiError("CONFLICT", { message: error.message, cause: error }),
  }),
  translation({
    type: FactusValidationError,
    codes: ["DIAN_DOCUMENT_ALREADY_PROCESSED", "DIAN_REJECTED", "VALIDATION_FAILED"],
    translate: (error) => {
      if (error.isDianRejection) {
        const code = error.isAlreadyProcessed ? "DIAN_DOCUMENT_ALREADY_PROCESSED" : "DIAN_REJECTED";
        return new ApiError(code, { details: ruleDetails(error), cause: error });
      }
      const details = error.fieldErrors.flatMap((field) =>
        field.messages.map((message) => ({ path: field.field, message })),
      );
      return new ApiError("VALIDATION_FAILED", {
        message: "Factus rechazó la solicitud",
        details,
        cause: error,
      });
    },
  }),
  translation({
    type: FactusInvalidRequestError,
    codes: ["VALIDATION_FAILED"],
    translate: (error) => {
      const details = error.issues.flatMap((issue) =>
        issue.messages.map((message) => ({ path: issue.field, message })),
      );
      return new ApiError("VALIDATION_FAILED", { details, cause: error });
    },
  }),
  translation({
    type: FactusRateLimitError,
    codes: ["RATE_LIMITED"],
    translate: (error) =>
      new ApiError("RATE_LIMITED", {
        message: "Factus limitó las solicitudes de esta cuenta; reintente más tarde",
        headers: { "Retry-After": String(Math.max(1, Math.ceil(error.retryAfter ?? 60))) },
        cause: error,
      }),
  }),
  translation({
    type: FactusTimeoutError,
    codes: ["UPSTREAM_TIMEOUT"],
    translate: (error) => new ApiError("UPSTREAM_TIMEOUT", { cause: error }),
  }),
  translation({
    type: FactusConnectionError,
    codes: ["UPSTREAM_UNAVAILABLE"],
    translate: (error) => new ApiError("UPSTREAM_UNAVAILABLE", { cause: error }),
  }),
  translation({
    type: FactusServerError,
    codes: ["UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR"],
    translate: (error) => {
      if (error.status !== 503) return new ApiError("UPSTREAM_ERROR", { cause: error });
      // Factus in maintenance: say when to come back, as Factus did.
      const retryAfter = parseRetryAfter(error.headers?.get("retry-after") ?? null) ?? 60;
      return new ApiError("UPSTREAM_UNAVAILABLE", {
        message: "Factus no está disponible (mantenimiento); reintente más tarde",
        headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfter))) },
        cause: error,
      });
    },
  }),
  translation({
    // The company's Factus account is of the other API generation and this operation is not served on it (yet, or
    // ever: debit notes exist on v2 only). Never a 500, never a silent drop: the caller is told what is missing.
    type: FactusVersionError,
    codes: ["NOT_AVAILABLE_ON_FACTUS_VERSION"],
    translate: (error) => {
      const version = error.accountVersion ?? "otra versión";
      return new ApiError("NOT_AVAILABLE_ON_FACTUS_VERSION", {
        message:
          `La cuenta de Factus de esta empresa es ${version}: esta operación todavía no está disponible para ella en ` +
          "este servicio",
        details: [{ path: "X-Factus-Token", message: `Cuenta Factus ${version}` }],
        cause: error,
      });
    },
  }),
  translation({
    type: FactusApiError,
    codes: ["FORBIDDEN", "UPSTREAM_ERROR"],
    translate: (error) => {
      if (error.status !== 403) return new ApiError("UPSTREAM_ERROR", { cause: error });
      // Factus' reason ("La empresa no tiene habilitada…") is what the caller needs to act on.
      const reason = error.message.startsWith("Factus answered") ? undefined : error.message.slice(0, 300);
      return new ApiError("FORBIDDEN", {
        message: reason ? `Factus no permite la operación: ${reason}` : undefined,
        cause: error,
      });
    },
  }),
  translation({
    type: FactusInvalidResponseError,
    codes: ["UPSTREAM_ERROR"],
    translate: (error) => new ApiError("UPSTREAM_ERROR", { cause: error }),
  }),
  translation({
    // The client only aborts on our own signal, which the gateway never sets: treat it as Factus failing.
    type: FactusAbortError,
    codes: ["UPSTREAM_ERROR"],
    translate: (error) => new ApiError("UPSTREAM_ERROR", { cause: error }),
  }),
];

/** Every code a Factus call can end in, read off the table (plus UPSTREAM_ERROR for anything unforeseen). */
export const UPSTREAM_ERROR_CODES: readonly ErrorCode[] = [
  ...new Set([...TRANSLATIONS.flatMap((entry) => entry.codes), "UPSTREAM_ERROR" as const]),
];

/** Translates a Factus client error into the API's envelope, by the one table above. */
export function toApiError(error: unknown, notFoundMessage = "Recurso no encontrado en Factus"): ApiError {
  if (error instanceof ApiError) return error;
  const entry = TRANSLATIONS.find((candidate) => error instanceof candidate.type);
  return entry
    ? entry.translate(error as FactusError, notFoundMessage)
    : new ApiError("UPSTREAM_ERROR", { cause: error });
}
