// Deep paths, not the package's entry: every route imports this file, and the entry would build every schema of the
// contracts on the first request of any route (routes/mounts.ts).
import type { DocumentRef } from "@factus-edge/contracts/schemas/dian-status";
import {
  ERROR_CATALOG,
  type ErrorCode,
  type ErrorDetail,
  type ErrorEnvelope,
} from "@factus-edge/contracts/schemas/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type * as z from "zod";
import type { AppEnv } from "./context";

/** An error the API answers on purpose: a stable code, the status and message of ERROR_CATALOG unless overridden. */
export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;
  constructor(
    readonly code: C,
    readonly options: {
      message?: string;
      details?: ErrorDetail[];
      /** The Factus document the error is about (rejected, blocking the range, holding the reference). */
      document?: DocumentRef;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(options.message ?? ERROR_CATALOG[code].message, { cause: options.cause });
    this.status = ERROR_CATALOG[code].status;
  }
}

/** The envelope of an error, ready to serialize. */
export function errorEnvelope(error: ApiError, requestId: string): ErrorEnvelope {
  return {
    message: error.message,
    error: {
      code: error.code,
      request_id: requestId,
      details: error.options.details ?? [],
      ...(error.options.document ? { document: error.options.document } : {}),
    },
  };
}

/** Details an error carries at most: a hostile body of unknown keys must not make a megabyte-sized answer. */
export const MAX_ERROR_DETAILS = 50;

/**
 * zod issues → details with dotted paths; unknown keys get one detail each, under their own path. Past
 * MAX_ERROR_DETAILS, one last detail says how many more there are.
 */
export function detailsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: (string | number)[] = [],
): ErrorDetail[] {
  const details = allDetails(issues, prefix);
  if (details.length <= MAX_ERROR_DETAILS) return details;
  return [
    ...details.slice(0, MAX_ERROR_DETAILS),
    { path: "", message: `… y ${details.length - MAX_ERROR_DETAILS} errores más` },
  ];
}

function allDetails(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[]): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: [...path, key].join("."),
        message: `Campo no permitido: ${key}`,
      }));
    }
    if (issue.code === "invalid_union" && issue.errors.length) {
      const first = issue.errors[0] ?? [];
      return first.length ? allDetails(first, path) : [{ path: path.join("."), message: issue.message }];
    }
    return [{ path: path.join("."), message: issue.message }];
  });
}

/** A 422 VALIDATION_FAILED from zod issues at a request part ("query", "param" or the body). */
export const validationError = (issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []) =>
  new ApiError("VALIDATION_FAILED", { details: detailsFromIssues(issues, prefix) });

/** Hono's own exceptions (malformed JSON, body limit…) → our codes. */
function fromHttpException(error: HTTPException): ApiError {
  if (error.status === 400 && /json/i.test(error.message))
    return new ApiError("MALFORMED_JSON", { cause: error });
  if (error.status === 413) return new ApiError("PAYLOAD_TOO_LARGE", { cause: error });
  if (error.status === 401) return new ApiError("UNAUTHENTICATED", { cause: error });
  if (error.status === 415) return new ApiError("UNSUPPORTED_MEDIA_TYPE", { cause: error });
  if (error.status === 404) return new ApiError("NOT_FOUND", { cause: error });
  return new ApiError(error.status >= 500 ? "INTERNAL" : "BAD_REQUEST", { cause: error });
}

/**
 * The app's error handler, in three tiers: our own errors as they are, Hono's exceptions translated, anything else a
 * generic 500 whose log line says where it failed (never what it said: a message can carry request data or a secret).
 */
export function answerError(error: Error, c: Context<AppEnv>) {
  const apiError =
    error instanceof ApiError ? error : error instanceof HTTPException ? fromHttpException(error) : undefined;
  if (!apiError) {
    console.error(
      JSON.stringify({
        level: "error",
        msg: "unhandled error",
        request_id: c.get("requestId"),
        error: error instanceof Error ? error.name : typeof error,
        at: error.stack
          ?.split("\n")
          .slice(1, 4)
          .map((line) => line.trim()),
      }),
    );
  }
  const final = apiError ?? new ApiError("INTERNAL");
  return c.json(errorEnvelope(final, c.get("requestId") ?? ""), final.status as 400, final.options.headers);
}

/** Any path no route serves. */
export function answerNotFound(c: Context<AppEnv>) {
  const error = new ApiError("NOT_FOUND", { message: `No existe la ruta ${c.req.method} ${c.req.path}` });
  return c.json(errorEnvelope(error, c.get("requestId")), 404);
}

/** What every request gets while the Worker's configuration is unsafe: a 500 naming the problem (never a secret). */
export function configErrorResponse(problem: string) {
  const error = new ApiError("INTERNAL", {
    message: "El servicio no está configurado correctamente",
    details: [{ path: "config", message: problem }],
  });
  return Response.json(errorEnvelope(error, crypto.randomUUID()), { status: 500 });
}
