import {
  type DocumentRef,
  ERROR_CATALOG,
  type ErrorCode,
  type ErrorDetail,
  type ErrorEnvelope,
} from "@factus-edge/contracts";
import type * as z from "zod";

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
