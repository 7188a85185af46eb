import { divideRoundHalfUp, formatCents } from "../decimal";
import { type MoneyItem, PERCENT, QUANTITY_SCALE } from "./item";

// "What the caller's prices imply", and the report of how far the legal document lands from it.

/** Exact line values are integers over this denominator, in cents: every one is a whole multiple of 1 / EXACT ¢. */
const EXACT = QUANTITY_SCALE * PERCENT * PERCENT;

/**
 * A line's exact tax-inclusive amount (× EXACT, in cents), unrounded, in the request's price mode:
 * price × qty × (1 − d) when prices include tax; price × qty × (1 − d) × (1 + r) when they are net (r = 0 for an
 * excluded item).
 */
export function exactLine(item: MoneyItem, pricesIncludeTax: boolean): bigint {
  const line = item.price * item.quantity * (PERCENT - item.discountRate); // cents × QUANTITY_SCALE × PERCENT
  return line * (pricesIncludeTax ? PERCENT : PERCENT + item.taxRate);
}

/**
 * How the legal document's total differs from what the caller's prices imply, as 2-decimal strings. Present only
 * when the totals differ.
 */
export interface InvoiceRounding {
  /**
   * What the prices imply: the exact sum of every line's tax-inclusive amount (price × qty × (1 − d), × (1 + r) when
   * prices are net) plus surcharges minus allowance discounts, unrounded, then rounded half-up to the cent once.
   */
  expected_total: string;
  /** The legal document's total: `bill.total`. */
  issued_total: string;
  /** issued_total − expected_total (negative when the document charges less). */
  difference: string;
  /**
   * The lines whose issued amount (gross + tax in the document) differs from their own exact amount rounded once.
   * May be empty: cents rounded line by line can add up to a difference no single line shows.
   */
  lines: { index: number; expected: string; issued: string }[];
}

/**
 * The rounding report of a document: `issued` holds each line's gross + tax in cents, `charges` surcharges minus
 * allowance discounts, `issuedTotal` the document's total. undefined when the totals agree.
 */
export function roundingReport(
  items: readonly MoneyItem[],
  pricesIncludeTax: boolean,
  issued: readonly bigint[],
  charges: bigint,
  issuedTotal: bigint,
): InvoiceRounding | undefined {
  const exact = items.map((item) => exactLine(item, pricesIncludeTax));
  const expectedTotal = divideRoundHalfUp(
    exact.reduce((sum, line) => sum + line, charges * EXACT),
    EXACT,
  );
  if (expectedTotal === issuedTotal) return undefined;
  const lines = exact.flatMap((line, index) => {
    const expected = divideRoundHalfUp(line, EXACT);
    const got = issued[index] ?? 0n;
    return expected === got ? [] : [{ index, expected: formatCents(expected), issued: formatCents(got) }];
  });
  return {
    expected_total: formatCents(expectedTotal),
    issued_total: formatCents(issuedTotal),
    difference: formatCents(issuedTotal - expectedTotal),
    lines,
  };
}
