// Errors of the Factus client, one class per kind of failure, chosen by HTTP status. Every one carries the status
// (undefined when no response came), the raw body, and the request id sent as X-Request-Id.

interface ErrorInit {
  status?: number | undefined;
  body?: unknown;
  requestId: string;
  headers?: Headers | undefined;
  cause?: unknown;
}

/** Base class of every error the client throws. */
export class FactusError extends Error {
  readonly status: number | undefined;
  readonly body: unknown;
  readonly requestId: string;
  readonly headers: Headers | undefined;

  constructor(message: string, init: ErrorInit) {
    super(message, { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.body = init.body;
    this.requestId = init.requestId;
    this.headers = init.headers;
  }
}

/** Thrown for a non-2xx answer no more specific class covers (400, 403, 405…). */
export class FactusApiError extends FactusError {}

/** A Factus API generation. Factus enables one per company; a token opens only its company's. */
export type FactusApiVersion = "v1" | "v2";

/**
 * Thrown when a call belongs to the other Factus API version than the account's: before sending (no `status`) when
 * the client already knows the account's version, e.g. a debit note on a v1 account or `bills.create` (a v1
 * request) on a v2 one. `accountVersion` is the version the account uses, when known.
 */
export class FactusVersionError extends FactusApiError {
  readonly accountVersion: FactusApiVersion | undefined;
  constructor(message: string, init: ErrorInit & { accountVersion: FactusApiVersion | undefined }) {
    super(message, init);
    this.accountVersion = init.accountVersion;
  }
}

/**
 * Thrown on Factus' 403 "Version de API no disponible para esta empresa": the account is enabled for the other API
 * version (`accountVersion`), not refused a permission. With `apiVersion: "auto"` the client learns from it and
 * re-sends the call to the right version where it has one, so callers see it only when it cannot.
 */
export class FactusVersionMismatchError extends FactusVersionError {
  /** The version the refused request was sent to. */
  readonly attemptedVersion: FactusApiVersion | undefined;
  constructor(message: string, init: ErrorInit & { attemptedVersion: FactusApiVersion | undefined }) {
    const other = { v1: "v2", v2: "v1" } as const;
    super(message, {
      ...init,
      accountVersion: init.attemptedVersion && other[init.attemptedVersion],
    });
    this.attemptedVersion = init.attemptedVersion;
  }
}

/** Thrown on 402: the Factus subscription has no documents left; nothing was numbered. */
export class FactusSubscriptionError extends FactusError {}

/** Thrown on 401: the access token is missing, wrong or expired, or the OAuth credentials were refused. */
export class FactusAuthenticationError extends FactusError {}

/** Thrown on 404: the bill, note, range or route does not exist. */
export class FactusNotFoundError extends FactusError {}

/** Thrown on 409; `pendingDocument` is true when a bill pending at DIAN blocks the numbering range. */
export class FactusConflictError extends FactusError {
  readonly pendingDocument: boolean;
  constructor(message: string, init: ErrorInit) {
    super(message, init);
    this.pendingDocument = /pendiente/i.test(message);
  }
}

export interface FactusFieldError {
  /** Request field with dots ("customer.dv"); "" when the error names none. */
  field: string;
  messages: string[];
}

export interface FactusRuleError {
  /** DIAN rule id, e.g. "FAK24" or "90". */
  rule: string;
  message: string;
}

/** Thrown on 422: Factus refused the request (`fieldErrors`) or DIAN rejected the document (`ruleErrors`). */
export class FactusValidationError extends FactusError {
  readonly fieldErrors: FactusFieldError[];
  readonly ruleErrors: FactusRuleError[];
  constructor(
    message: string,
    init: ErrorInit & { fieldErrors: FactusFieldError[]; ruleErrors: FactusRuleError[] },
  ) {
    super(message, init);
    this.fieldErrors = init.fieldErrors;
    this.ruleErrors = init.ruleErrors;
  }

  /** True when DIAN rejected the document (it was numbered and stored as pending). */
  get isDianRejection(): boolean {
    return this.ruleErrors.length > 0;
  }

  /** True when DIAN answered rule 90, "Documento procesado anteriormente": it already holds this document. */
  get isAlreadyProcessed(): boolean {
    return this.ruleErrors.some(
      (rule) => rule.rule === "90" || /procesado anteriormente/i.test(rule.message),
    );
  }
}

/** Thrown on 429; `retryAfter` is the server's Retry-After in seconds, when it sent one. */
export class FactusRateLimitError extends FactusError {
  readonly retryAfter: number | undefined;
  constructor(message: string, init: ErrorInit & { retryAfter: number | undefined }) {
    super(message, init);
    this.retryAfter = init.retryAfter;
  }
}

/** Thrown on 5xx (and 408) once retries, where allowed, are spent. */
export class FactusServerError extends FactusError {}

/** Thrown when Factus does not answer within the timeout. */
export class FactusTimeoutError extends FactusError {}

/** Thrown when no complete answer arrives: DNS, refused or dropped connection, broken body stream. */
export class FactusConnectionError extends FactusError {}

/** Thrown when a 2xx answer is not JSON or not the shape Factus documents. */
export class FactusInvalidResponseError extends FactusError {}

/** Thrown before sending when the request does not satisfy Factus' rules; `issues` says where. */
export class FactusInvalidRequestError extends FactusError {
  readonly issues: FactusFieldError[];
  constructor(message: string, init: ErrorInit & { issues: FactusFieldError[] }) {
    super(message, init);
    this.issues = init.issues;
  }
}

/** Thrown when the caller's own AbortSignal cancels the request. */
export class FactusAbortError extends FactusError {}
