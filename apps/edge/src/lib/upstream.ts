import type { ErrorDetail } from "@factus-edge/contracts";
import {
  FactusApiError,
  FactusAuthenticationError,
  FactusConflictError,
  FactusConnectionError,
  FactusInvalidRequestError,
  FactusNotFoundError,
  FactusRateLimitError,
  FactusServerError,
  FactusSubscriptionError,
  FactusTimeoutError,
  FactusValidationError,
  parseRetryAfter,
} from "@factus-edge/factus-client";
import type { Context } from "hono";
import type { AppEnv } from "./context";
import { ApiError } from "./errors";

/** Per-call options for the Factus client: the caller's Factus token, and our request id as X-Request-Id. */
export const upstream = (c: Context<AppEnv>) => ({
  requestId: c.get("requestId"),
  accessToken: c.get("factusToken"),
});

/** A DIAN rejection's rules as error details. */
export const ruleDetails = (error: FactusValidationError): ErrorDetail[] =>
  error.ruleErrors.map((rule) => ({ path: rule.rule, message: rule.message }));

/**
 * Translates a Factus client error into the API's envelope (SPEC §2): Factus' own wording is kept only where it
 * helps the caller fix the request (422 details); 5xx bodies and internals never pass through.
 */
export function toApiError(error: unknown, notFoundMessage = "Recurso no encontrado en Factus"): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof FactusAuthenticationError)
    return new ApiError("FACTUS_UNAUTHENTICATED", { cause: error });
  if (error instanceof FactusNotFoundError)
    return new ApiError("NOT_FOUND", { message: notFoundMessage, cause: error });
  if (error instanceof FactusConflictError) {
    return error.pendingDocument
      ? new ApiError("FACTUS_PENDING_DOCUMENT", { cause: error })
      : new ApiError("CONFLICT", { message: error.message, cause: error });
  }
  if (error instanceof FactusValidationError) {
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
  }
  if (error instanceof FactusInvalidRequestError) {
    const details = error.issues.flatMap((issue) =>
      issue.messages.map((message) => ({ path: issue.field, message })),
    );
    return new ApiError("VALIDATION_FAILED", { details, cause: error });
  }
  if (error instanceof FactusRateLimitError) {
    return new ApiError("RATE_LIMITED", {
      message: "Factus limitó las solicitudes de esta cuenta; reintente más tarde",
      headers: { "Retry-After": String(Math.max(1, Math.ceil(error.retryAfter ?? 60))) },
      cause: error,
    });
  }
  if (error instanceof FactusTimeoutError) return new ApiError("UPSTREAM_TIMEOUT", { cause: error });
  if (error instanceof FactusConnectionError) return new ApiError("UPSTREAM_UNAVAILABLE", { cause: error });
  if (error instanceof FactusSubscriptionError)
    return new ApiError("FACTUS_SUBSCRIPTION_EXHAUSTED", { cause: error });
  if (error instanceof FactusServerError && error.status === 503) {
    // Factus in maintenance: say when to come back, as Factus did.
    const retryAfter = parseRetryAfter(error.headers?.get("retry-after") ?? null) ?? 60;
    return new ApiError("UPSTREAM_UNAVAILABLE", {
      message: "Factus no está disponible (mantenimiento); reintente más tarde",
      headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfter))) },
      cause: error,
    });
  }
  if (error instanceof FactusApiError && error.status === 403) {
    // Factus' reason ("La empresa no tiene habilitada…") is what the caller needs to act on.
    const reason = error.message.startsWith("Factus answered") ? undefined : error.message.slice(0, 300);
    return new ApiError("FORBIDDEN", {
      message: reason ? `Factus no permite la operación: ${reason}` : undefined,
      cause: error,
    });
  }
  return new ApiError("UPSTREAM_ERROR", { cause: error });
}

/** Runs a Factus call, translating its errors. */
export async function callFactus<T>(work: () => Promise<T>, notFoundMessage?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error, notFoundMessage);
  }
}
