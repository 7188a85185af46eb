import type { FactusV2BillRequest } from "@factus-edge/contracts/factus-v2";
import type { DocumentFaults } from "../faults";
import type { Account } from "../services/account";
import { billRange } from "../services/bills";
import { awaitsDian, type IssueOutcome, issueDocument } from "../services/issue-document";
import { FINAL_CONSUMER, type StoredV2Request, v2Documents, v2MoneyErrors } from "./documents";

// Factus v2's creates: the same lifecycle as v1's (services/issue-document.ts), on v2 requests and arithmetic.

/** What the sandbox answers a create naming a range it cannot use (practitioner, v2 sandbox). */
const INVALID_RANGE = "El campo id rango de numeración es inválido";

/** The lifecycle's options every v2 create shares: v2's model, and which waiting documents block a range. */
const v2Lifecycle = (account: Account) => ({
  model: v2Documents(account.settings.v2Rounding),
  // A rejected document blocks its range as in v1 unless the account reads v2 otherwise; a DIAN-slow one always.
  blocks: account.settings.v2RejectionBlocksRange ? undefined : awaitsDian,
});

/** `POST /v2/bills/validate`: the range named (or the only active bill range), the money checks, the lifecycle. */
export function validateV2Bill(
  account: Account,
  request: FactusV2BillRequest,
  faults: DocumentFaults = {},
): Promise<IssueOutcome> | IssueOutcome {
  const resolved = billRange(account, request.numbering_range_id, INVALID_RANGE);
  if ("errors" in resolved) return { kind: "invalid", errors: resolved.errors };
  const moneyErrors = v2MoneyErrors(request, account.settings.v2Rounding);
  if (moneyErrors) return { kind: "invalid", errors: moneyErrors };
  const stored: StoredV2Request = { ...request, customer: request.customer ?? FINAL_CONSUMER };
  return issueDocument(account, {
    kind: "bill",
    range: resolved.range,
    request: stored,
    technicalKey: resolved.range.technical_key ?? "",
    faults,
    ...v2Lifecycle(account),
  });
}
