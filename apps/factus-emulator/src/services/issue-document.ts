import { colombiaDateTime } from "@factus-edge/contracts";
import type { DianVerdictFault, DocumentFaults } from "../faults";
import type { DocumentRow, RangeRow } from "../store/rows";
import type { Account } from "./account";

/**
 * What came of a create: DIAN validated the document, has not answered yet, or rejected it; or Factus refused it before
 * numbering (a used reference, a blocked range, no documents left, an invalid request).
 */
export type IssueOutcome =
  /** Validated (status 1), or numbered and stored while DIAN has not answered yet (status 0, no "Rechazo"). */
  | { kind: "issued"; row: DocumentRow; resent: boolean }
  /** Rejected by DIAN: the number is consumed, the document stored with status 0 and its "Rechazo" errors. */
  | { kind: "rejected"; row: DocumentRow; errors: Record<string, string> }
  /** The reference belongs to a validated document and the account answers re-sends with a 422. */
  | { kind: "duplicate"; existing: DocumentRow }
  /** Another document of the range waits for DIAN: Factus refuses to number a new one (409). */
  | { kind: "pending-block"; pending: DocumentRow }
  /** The subscription has no documents left: Factus numbers nothing (402). */
  | { kind: "exhausted" }
  | { kind: "invalid"; errors: Record<string, string[]> };

/** FAJ43b (`dian-rejection` / `dian-notification` faults): a rule the emulator does not check by itself. */
const UNMODELLED_REJECTION = {
  rule: "FAJ43b",
  message: "Nombre informado No corresponde al registrado en el RUT con respecto al Nit suministrado",
};
/** DIAN's rule 90: it already holds a document with this CUFE/CUDE. */
const RULE_90 = { rule: "90", message: "Documento procesado anteriormente." };

/** A DIAN rule a document breaks: its DIAN id when the published docs give one, else the field it concerns. */
export interface RuleViolation {
  rule?: string;
  path?: (string | number)[];
  message: string;
}

/**
 * DIAN's wording of a rejection. Rules whose DIAN id the published docs give carry it ("Regla: FAK24, Rechazo: …");
 * the others are keyed by the field they concern instead of an invented id.
 */
const rejection = (violation: RuleViolation) => ({
  key: violation.rule ?? violation.path?.join(".") ?? "DIAN",
  text: violation.rule
    ? `Regla: ${violation.rule}, Rechazo: ${violation.message}`
    : `Rechazo: ${violation.message}`,
});

/**
 * A stored document's DIAN messages (rejections and notifications), keyed as they were answered: by rule, or by
 * field. Rows written before the keys were kept hold a bare list; their keys are read back from "Regla: X, …".
 */
export function storedErrors(row: Pick<DocumentRow, "errors">): Record<string, string> {
  const stored: string[] | Record<string, string> = JSON.parse(row.errors);
  if (!Array.isArray(stored)) return stored;
  return Object.fromEntries(
    stored.map((text, index) => [/^Regla: ([^,]+),/.exec(text)?.[1] ?? `DIAN${index + 1}`, text]),
  );
}

/** A stored document's DIAN messages as v1 answers them: a list of texts. */
export const errorTexts = (row: Pick<DocumentRow, "errors">) => Object.values(storedErrors(row));

export const isRejection = (errors: readonly string[]) => errors.some((text) => /Rechazo/i.test(text));

/** Whether a stored document is waiting for DIAN's verdict (DIAN slow), as opposed to rejected. */
export const awaitsDian = (row: DocumentRow) => row.status === 0 && !isRejection(errorTexts(row));

/**
 * What the lifecycle needs to know of a document's format (v1 or v2): the DIAN rules its request breaks, its
 * totals (stored as JSON) and its CUFE/CUDE.
 */
export interface DocumentModel<Request extends { reference_code: string }> {
  violations(request: Request, today: string): RuleViolation[];
  totals(request: Request): unknown;
  key(input: {
    number: string;
    createdAt: string;
    request: Request;
    totals: unknown;
    issuerNit: string;
    technicalKey: string;
  }): Promise<string>;
}

/**
 * What DIAN answers this time. A verdict forced on the request itself wins. Otherwise a re-send of a document DIAN
 * was slow on gets the answer that document was created to get (`dian-pending=N`: still pending for N − 1 re-sends,
 * then validated, or rejected with `dian-verdict=rejected`); a create with `dian-verdict=rejected` alone is
 * rejected at once.
 */
function dianAnswer(
  faults: DocumentFaults,
  waiting: DocumentRow | undefined,
): { verdict: DianVerdictFault | undefined; pendingResends: number; finalVerdict: "rejected" | null } {
  if (faults.verdict || !waiting) {
    const finalVerdict = faults.finalVerdict === "rejected" ? "rejected" : null;
    if (faults.verdict === "pending")
      return { verdict: "pending", pendingResends: faults.pendingResends ?? 0, finalVerdict };
    return {
      verdict: faults.verdict ?? (finalVerdict ? "rejection" : undefined),
      pendingResends: 0,
      finalVerdict,
    };
  }
  const finalVerdict = faults.finalVerdict === "rejected" ? "rejected" : waiting.final_verdict;
  if (waiting.pending_resends > 0)
    return { verdict: "pending", pendingResends: waiting.pending_resends - 1, finalVerdict };
  return { verdict: finalVerdict ? "rejection" : undefined, pendingResends: 0, finalVerdict: null };
}

/**
 * Factus' create-and-validate for bills and credit notes alike: numbers the document in its range, "sends" it to
 * DIAN and stores it whatever DIAN says. Re-sending a reference whose document is not validated is Factus' official
 * retry: no new number; a DIAN-slow document is re-queried as it was sent (DIAN holds that one), a rejected one is
 * re-validated as re-sent (fixed). The numbering runs without an `await`, so concurrent creates get distinct
 * consecutive numbers.
 */
export async function issueDocument<Request extends { reference_code: string }>(
  account: Account,
  input: {
    kind: DocumentRow["kind"];
    range: RangeRow;
    request: Request;
    model: DocumentModel<Request>;
    /** The range's technical key (CUFE) or the software PIN (CUDE). */
    technicalKey: string;
    billId?: number | null;
    /** What a test forces DIAN to answer (`X-Emulator-Fault`). */
    faults?: DocumentFaults;
    /** Which documents waiting in the range block a new one (409); every one not validated by default. */
    blocks?: (row: DocumentRow) => boolean;
  },
): Promise<IssueOutcome> {
  const { store } = account;
  const { kind, range } = input;
  const existing = store.documentByReference(kind, input.request.reference_code);
  if (existing?.status === 1) {
    return account.settings.validatedReferenceResend === "return"
      ? { kind: "issued", row: existing, resent: true }
      : { kind: "duplicate", existing };
  }
  const pending = store
    .unvalidatedInRange(range.id)
    .find((row) => row.id !== existing?.id && (input.blocks?.(row) ?? true));
  if (pending) return { kind: "pending-block", pending };
  if (!existing && store.countDocuments() >= account.settings.subscriptionDocuments)
    return { kind: "exhausted" };

  // DIAN holds the document it was first sent while its answer is pending: a re-send only asks for the verdict.
  const keepsOriginal = existing !== undefined && awaitsDian(existing);
  const request: Request = keepsOriginal ? JSON.parse(existing.request) : input.request;
  const { model } = input;
  const { verdict, pendingResends, finalVerdict } = dianAnswer(
    input.faults ?? {},
    keepsOriginal ? existing : undefined,
  );
  const now = account.now();
  const rejections = [
    ...model.violations(request, colombiaDateTime(now)[0]),
    ...(verdict === "rejection" ? [UNMODELLED_REJECTION] : []),
    ...(verdict === "rule-90" ? [RULE_90] : []),
  ].map(rejection);
  const errors = Object.fromEntries(rejections.map((entry) => [entry.key, entry.text]));
  // DIAN's notifications (warnings) travel in `errors` too, but unlike a "Rechazo" they leave the document valid.
  if (verdict === "notification" && !rejections.length)
    errors[UNMODELLED_REJECTION.rule] =
      `Regla: ${UNMODELLED_REJECTION.rule}, Notificación: ${UNMODELLED_REJECTION.message}`;
  const status = rejections.length || verdict === "pending" ? 0 : 1;
  const createdAt = keepsOriginal ? existing.created_at : now;
  const totals = model.totals(request);
  const fields = {
    status,
    request: JSON.stringify(request),
    totals: JSON.stringify(totals),
    cufe: keepsOriginal ? existing.cufe : "",
    errors: JSON.stringify(errors),
    validated_at: status ? now : null,
    created_at: createdAt,
    pending_resends: pendingResends,
    final_verdict: finalVerdict,
  };

  let row: DocumentRow;
  if (existing) {
    store.updateDocument(existing.id, fields);
    row = { ...existing, ...fields };
  } else {
    const consecutive = store.takeNumber(range.id, now);
    if (consecutive === undefined)
      return { kind: "invalid", errors: { numbering_range_id: ["El rango de numeración está agotado"] } };
    const inserted = {
      kind,
      number: `${range.prefix}${consecutive}`,
      prefix: range.prefix,
      range_id: range.id,
      reference_code: input.request.reference_code,
      bill_id: input.billId ?? null,
      ...fields,
    };
    row = { id: store.insertDocument(inserted), ...inserted };
  }

  if (!keepsOriginal) {
    row.cufe = await model.key({
      number: row.number,
      createdAt,
      request,
      totals,
      issuerNit: account.company.nit,
      technicalKey: input.technicalKey,
    });
    store.updateDocument(row.id, row);
  }

  if (rejections.length) return { kind: "rejected", row, errors };
  return { kind: "issued", row, resent: false };
}
