import { divideRoundHalfUp } from "../decimal";
import { type MoneyItem, PERCENT, QUANTITY_SCALE } from "./item";

/** One item's figures under Factus v1, in cents. */
export interface V1Line {
  /** Value before tax and after the item discount (v1's `gross_value`): the taxable base. */
  gross: bigint;
  tax: bigint;
  /** The item discount, taken from the tax-exclusive base. */
  discount: bigint;
  /** price × quantity × (1 − d): what v1 prints as the line's total (not always gross + tax, by a cent). */
  total: bigint;
}

/**
 * An item as Factus v1 computes it, from a tax-inclusive unit `price` in cents (the item's own by default): base =
 * price × qty ÷ (1 + r), discount = base × d, gross = base − discount, tax = gross × r, each rounded half-up once
 * from its exact value.
 */
export function v1Line(item: MoneyItem, price = item.price): V1Line {
  // The line amount in cents is amount / QUANTITY_SCALE; every figure below is an exact fraction of it.
  const amount = price * item.quantity;
  const kept = PERCENT - item.discountRate;
  const grossDenominator = QUANTITY_SCALE * (PERCENT + item.taxRate);
  return {
    gross: divideRoundHalfUp(amount * kept, grossDenominator),
    tax: divideRoundHalfUp(amount * kept * item.taxRate, grossDenominator * PERCENT),
    discount: divideRoundHalfUp(amount * item.discountRate, grossDenominator),
    total: divideRoundHalfUp(amount * kept, QUANTITY_SCALE * PERCENT),
  };
}
