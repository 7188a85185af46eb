import { divideRoundHalfUp } from "../decimal";
import { type MoneyItem, PERCENT, QUANTITY_SCALE } from "./item";
import { v1Line } from "./v1";
import type { V2Pricing } from "./v2";

// Turning the caller's prices, in its price mode, into what each Factus version takes: v1 wants tax-inclusive unit
// prices and a discount rate; v2 a net unit price and (from us) a discount amount.

const abs = (value: bigint) => (value < 0n ? -value : value);
/** Whether `a` sorts before `b`, comparing element by element. */
const isLess = (a: readonly bigint[], b: readonly bigint[]) => {
  const at = a.findIndex((value, index) => value !== b[index]);
  return at !== -1 && (a[at] as bigint) < (b[at] as bigint);
};
const ceilDivide = (numerator: bigint, denominator: bigint) => (numerator + denominator - 1n) / denominator;

/**
 * The tax-inclusive unit price (cents) to send Factus v1 for a net-priced item. v1 has no discount amount, so the
 * net intent (base p·q·(1 − d), tax base·r) can only be approached through the price: among the cents around
 * p·(1 + r), the one whose v1 line (gross + tax) is closest to the exact net line p·q·(1 − d)·(1 + r); ties go to
 * the v1 gross closest to the exact net base, then to the price closest to p·(1 + r). Exact for excluded and
 * untaxed items; the rest may drift by cents, which `computeInvoiceTotals` reports.
 */
export function v1PriceForNet(item: MoneyItem): bigint {
  if (item.taxRate === 0n) return item.price;
  const kept = PERCENT - item.discountRate;
  const ideal = item.price * (PERCENT + item.taxRate); // p·(1 + r), in cents × PERCENT
  const netBase = item.price * item.quantity * kept; // p·q·(1 − d), in cents × QUANTITY_SCALE × PERCENT
  const netLine = netBase * (PERCENT + item.taxRate); // … × (1 + r), in cents × QUANTITY_SCALE × PERCENT²
  const centre = divideRoundHalfUp(ideal, PERCENT);
  let best: { price: bigint; key: [bigint, bigint, bigint] } | undefined;
  for (let step = -2n; step <= 2n; step++) {
    const price = centre + step;
    if (price <= 0n) continue;
    const line = v1Line(item, price);
    const key: [bigint, bigint, bigint] = [
      abs((line.gross + line.tax) * QUANTITY_SCALE * PERCENT * PERCENT - netLine),
      abs(line.gross * QUANTITY_SCALE * PERCENT - netBase),
      abs(price * PERCENT - ideal),
    ];
    if (!best || isLess(key, best.key)) best = { price, key };
  }
  return best?.price ?? centre;
}

/**
 * v2 pricing of a tax-inclusive item, strategy S1 of the research (§4.3): a net price and a `discount_amount` that
 * make v2's base exactly v1's gross, the discount rate folded in. price = ⌈(v1 gross + v1 discount) ÷ qty⌉, so the
 * discount stays v1's, plus the cents a whole-cent unit price cannot split (q > 1). Subtotals then equal v1's;
 * v2 taxes the rounded base, so a line's tax may differ from v1's by a cent (reported, never hidden).
 */
export function v2PricingFromInclusive(item: MoneyItem): V2Pricing {
  const v1 = v1Line(item);
  const price = ceilDivide((v1.gross + v1.discount) * QUANTITY_SCALE, item.quantity);
  const gross = divideRoundHalfUp(price * item.quantity, QUANTITY_SCALE);
  return { price, discount: gross - v1.gross };
}

/**
 * v2 pricing of a net-priced item: the price as it is, and the discount rate as the amount that leaves the exact
 * net base p·q·(1 − d) rounded once (v2's rounding of a `discount_rate` is undocumented; an amount is not).
 */
export function v2PricingFromNet(item: MoneyItem): V2Pricing {
  const gross = divideRoundHalfUp(item.price * item.quantity, QUANTITY_SCALE);
  const base = divideRoundHalfUp(
    item.price * item.quantity * (PERCENT - item.discountRate),
    QUANTITY_SCALE * PERCENT,
  );
  return { price: item.price, discount: gross - base };
}
