import type { FactusNumberingRange } from "@factus-edge/contracts/factus/numbering-ranges";
import type { CreateInvoiceRequest } from "@factus-edge/contracts/schemas/invoice-request";
import { colombiaToday } from "@factus-edge/contracts/schemas/invoice-rules";
import type { NumberingRange } from "@factus-edge/contracts/schemas/numbering-ranges";
import type { Context } from "hono";
import { factusTokenDigest, upstream } from "../factus/call";
import { toApiError } from "../factus/errors";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";

// The one pre-flight that needs Factus' data: DIAN rejects an invoice numbered in an inactive, expired or exhausted
// range after the number is spent. One cached list call per Factus token and minute answers it.

const CACHE_MS = 60_000;
const CACHE_SIZE = 1_000;
/**
 * Settled lists only, per token digest: a call in flight belongs to the request that made it (workerd cancels a
 * request's I/O when it ends), so another request never waits on it; two first requests at once each ask.
 */
const ranges = new Map<string, { at: number; list: FactusNumberingRange[] }>();

const isBillRange = (range: FactusNumberingRange) =>
  range.document === "Factura de Venta" || range.document === "21";

/** The account's bill ranges, listed once a minute per Factus token (a digest of it keys the cache). */
async function billRanges(c: Context<AppEnv>): Promise<FactusNumberingRange[]> {
  const key = await factusTokenDigest(c);
  const hit = ranges.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.list;
  const list = (await c.get("factus").numberingRanges.list({}, upstream(c))).filter(isBillRange);
  if (ranges.size >= CACHE_SIZE) ranges.clear();
  ranges.set(key, { at: Date.now(), list });
  return list;
}

/** Why DIAN would reject an invoice numbered in `range` today, if it would. */
function rangeProblem(range: FactusNumberingRange, today: string): string | undefined {
  if (!range.is_active) return "no está activo";
  // start_date is not checked: Factus' own published ranges carry start_date = end_date, so it says nothing.
  if (range.is_expired || (range.end_date && range.end_date < today)) return `venció (${range.end_date})`;
  if (range.current > range.to) return `está agotado (llegó a ${range.to})`;
  return undefined;
}

/**
 * Refuses (422 on `numbering_range_id`) an invoice whose range — the one named, or the account's only active bill
 * range — is inactive, expired or exhausted. When Factus cannot list the ranges right now the create goes ahead:
 * Factus and DIAN still judge it, and the answer says what they said.
 */
export async function checkNumberingRange(
  c: Context<AppEnv>,
  invoice: CreateInvoiceRequest,
  options: { strict?: boolean } = {},
) {
  let list: FactusNumberingRange[];
  try {
    list = await billRanges(c);
  } catch (error) {
    // A preview promises what the create will meet: it cannot answer without the ranges (strict).
    if (options.strict) throw toApiError(error);
    return;
  }
  const wanted = invoice.numbering_range_id;
  const active = list.filter((range) => range.is_active);
  // Factus numbers an invoice without numbering_range_id only in the account's one active bill range: with several,
  // which one would be Factus' guess, so the caller must say (the pre-flight never goes silent on it).
  if (wanted === undefined && active.length > 1) {
    throw new ApiError("VALIDATION_FAILED", {
      details: [
        {
          path: "numbering_range_id",
          message:
            `La cuenta de Factus tiene ${active.length} rangos de facturas activos ` +
            `(${active.map((entry) => `${entry.prefix} ${entry.id}`).join(", ")}): indique numbering_range_id`,
        },
      ],
    });
  }
  const range =
    wanted === undefined
      ? active.length === 1
        ? active[0]
        : undefined
      : list.find((entry) => entry.id === wanted);
  if (wanted !== undefined && !range) {
    throw new ApiError("VALIDATION_FAILED", {
      details: [
        {
          path: "numbering_range_id",
          message: `La cuenta de Factus no tiene un rango de facturas ${wanted}`,
        },
      ],
    });
  }
  const problem = range && rangeProblem(range, colombiaToday());
  if (range && problem) {
    throw new ApiError("VALIDATION_FAILED", {
      details: [
        {
          path: "numbering_range_id",
          message: `El rango ${range.prefix} (${range.id}) ${problem}: la DIAN rechazaría la factura después de consumir un número`,
        },
      ],
    });
  }
}

/** Factus' range → the public one (`document` as Factus names it, `is_active` a boolean). */
export const numberingRange = (range: FactusNumberingRange): NumberingRange => ({
  id: range.id,
  document: range.document_name ?? range.document,
  prefix: range.prefix,
  from: range.from,
  to: range.to,
  current: range.current,
  resolution_number: range.resolution_number,
  start_date: range.start_date,
  end_date: range.end_date,
  technical_key: range.technical_key,
  is_expired: range.is_expired,
  is_active: range.is_active === 1,
});
