import { divideRoundHalfUp } from "../decimal";
import { type MoneyItem, PERCENT, QUANTITY_SCALE } from "./item";

// Factus v2's arithmetic, as fitted to every published v2 example (SPEC §7 "Money model", research §4.1 model A):
// base = price × quantity − discount_amount (net price); tax = base × rate, rounded half-up to the cent per line
// and per tax; total = Σ bases + Σ taxes + surcharges; withholdings are never subtracted. Written apart from the
// emulator's own model (apps/factus-emulator/src/v2/money.ts), so that each checks the other.

/** What the gateway sends v2 for an item's money: a net unit price and a discount amount (0n: none sent). */
export interface V2Pricing {
  /** Net unit price in cents. */
  price: bigint;
  /** `discount_amount` in cents. The gateway never sends `discount_rate`: how v2 rounds one is undocumented. */
  discount: bigint;
}

/** One item's figures under Factus v2, in cents. */
export interface V2Line {
  /** price × quantity, before the discount. */
  gross: bigint;
  discount: bigint;
  /** gross − discount: v2's item `total` (net) and the taxable base. */
  base: bigint;
  /** base × rate, rounded to the cent; 0n for an excluded item. */
  tax: bigint;
}

/**
 * An item as Factus v2 computes it from what the gateway sends. price × quantity is exact for the public API's whole
 * quantities; a fractional one is rounded half-up to the cent (a guess, as in the emulator: no v2 example has one).
 */
export function v2Line(item: MoneyItem, pricing: V2Pricing): V2Line {
  const gross = divideRoundHalfUp(pricing.price * item.quantity, QUANTITY_SCALE);
  const base = gross - pricing.discount;
  return { gross, discount: pricing.discount, base, tax: divideRoundHalfUp(base * item.taxRate, PERCENT) };
}
