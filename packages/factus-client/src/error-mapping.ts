import {
  FactusApiError,
  FactusAuthenticationError,
  FactusConflictError,
  type FactusError,
  type FactusFieldError,
  FactusNotFoundError,
  FactusRateLimitError,
  type FactusRuleError,
  FactusServerError,
  FactusSubscriptionError,
  FactusValidationError,
  FactusVersionMismatchError,
} from "./errors";

// DIAN rule ids: letters and digits ("FAK24", "FAJ43b") or digits alone ("90", documento procesado anteriormente).
const DIAN_RULE_ID = /^(?:[A-Z]{2,4})?\d{1,3}[a-z]?$/;
const RULE_TEXT = /^Regla:\s*((?:[A-Za-z]{2,4})?\d{1,3}[a-z]?)\s*,\s*(.*)$/s;

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const texts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .filter((entry) => entry !== null && entry !== undefined)
    .map(String);

/**
 * Splits a Factus 422 body into field and DIAN-rule errors. `errors` is read from `data.errors`, then the root
 * `errors`, then `message`; it may be field → messages, rule → text, or a list of strings ("Regla: FAK24, …").
 */
export function parseValidationBody(body: unknown): {
  fieldErrors: FactusFieldError[];
  ruleErrors: FactusRuleError[];
} {
  const root = asRecord(body);
  const source = asRecord(root?.data)?.errors ?? root?.errors ?? root?.message;
  const fieldErrors: FactusFieldError[] = [];
  const ruleErrors: FactusRuleError[] = [];
  const addText = (text: string, field = "") => {
    const rule = RULE_TEXT.exec(text.trim());
    if (rule) ruleErrors.push({ rule: rule[1]!, message: text.trim() });
    else if (/Rechazo/i.test(text)) ruleErrors.push({ rule: field || "DIAN", message: text });
    else {
      const existing = fieldErrors.find((entry) => entry.field === field);
      if (existing) existing.messages.push(text);
      else fieldErrors.push({ field, messages: [text] });
    }
  };
  const record = asRecord(source);
  if (record) {
    for (const [key, value] of Object.entries(record)) {
      const message = texts(value).join(" ");
      // A bare number is a rule only with DIAN's wording: PHP also keys plain message lists by index.
      const isRule = DIAN_RULE_ID.test(key) && (/[A-Z]/.test(key) || /Rechazo/i.test(message));
      if (isRule) ruleErrors.push({ rule: key, message });
      else for (const text of texts(value)) addText(text, key);
    }
  } else {
    for (const text of texts(source)) addText(text);
  }
  return { fieldErrors, ruleErrors };
}

/** Retry-After in seconds, from delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

// Factus' 403 to a company enabled for the other API version (SPEC §7); matched loosely (accents, case).
const VERSION_UNAVAILABLE = /versi[oó]n\s+de\s+(la\s+)?api\s+no\s+(est[aá]\s+)?disponible/i;

/** The error class for a non-2xx Factus answer to a request for `path`. */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  requestId: string,
  path = "",
): FactusError {
  const root = asRecord(body);
  const message =
    typeof root?.message === "string" && root.message ? root.message : `Factus answered ${status}`;
  const init = { status, body, headers, requestId };
  if (status === 401) return new FactusAuthenticationError(message, init);
  if (status === 402) return new FactusSubscriptionError(message, init);
  if (status === 403 && VERSION_UNAVAILABLE.test(message)) {
    const attemptedVersion = /^\/(v[12])\//.exec(path)?.[1] as "v1" | "v2" | undefined;
    return new FactusVersionMismatchError(message, { ...init, attemptedVersion });
  }
  if (status === 404) return new FactusNotFoundError(message, init);
  if (status === 409) return new FactusConflictError(message, init);
  if (status === 422) return new FactusValidationError(message, { ...init, ...parseValidationBody(body) });
  if (status === 429) {
    return new FactusRateLimitError(message, {
      ...init,
      retryAfter: parseRetryAfter(headers.get("retry-after")),
    });
  }
  if (status >= 500 || status === 408) return new FactusServerError(message, init);
  return new FactusApiError(message, init);
}
