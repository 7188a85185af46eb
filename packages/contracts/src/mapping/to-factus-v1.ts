import { formatCents } from "../decimal";
import { type TotalsInput, upstreamPricing } from "../totals";

/**
 * The body Factus v1 takes for a public document (invoice or credit note): `prices_include_tax` removed (v1 has no
 * such field), and net prices turned into the tax-inclusive ones `computeInvoiceTotals(document, { upstream: "v1" })`
 * computes with, so the preview is the document. Unchanged (but for the flag) when prices include tax.
 */
export function toFactusV1Prices<T extends TotalsInput>(document: T): Omit<T, "prices_include_tax"> {
  const { prices_include_tax, ...rest } = document;
  if (prices_include_tax !== false) return rest;
  const prices = upstreamPricing(document, { upstream: "v1" });
  return {
    ...rest,
    items: document.items.map((item, index) => ({
      ...item,
      // The schemas' own output type for money is a number; a 2-decimal text reads back exactly.
      price: Number(formatCents(prices[index]?.price ?? 0n)),
    })),
  };
}
