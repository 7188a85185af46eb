import { toScaled } from "../decimal";

// The money of one invoice item as exact integers, and the scales every model in this folder works in.

/** 100 % in hundredths of a percent: rates carry 2 decimals (19.00 % → 1900n). */
export const PERCENT = 10_000n;
/** Quantities carry 2 decimals: 3 → 300n. */
export const QUANTITY_SCALE = 100n;

/** An item's money, parsed once: integers only, so no model in this folder touches a float. */
export interface MoneyItem {
  /** Unit price in cents, as the caller sent it: tax-inclusive or net, by the request's price mode. */
  price: bigint;
  /** Quantity in hundredths. */
  quantity: bigint;
  /** Discount rate in hundredths of a percent (20 % → 2000n). */
  discountRate: bigint;
  /** Tax rate in hundredths of a percent; 0n for an excluded item. */
  taxRate: bigint;
  excluded: boolean;
}

type DecimalInput = number | string;

/** What the models read of an item: a public create request's item fits as it is. */
export interface MoneyItemInput {
  price: DecimalInput;
  quantity: DecimalInput;
  discount_rate?: DecimalInput | undefined;
  tax_rate: DecimalInput;
  is_excluded?: number | boolean | undefined;
}

/** A non-negative decimal of at most `scale` places, scaled to an integer; RangeError naming `field` otherwise. */
export function scaled(value: DecimalInput, scale: number, field: string): bigint {
  const result = toScaled(value, scale);
  if (result === undefined || result < 0n) {
    throw new RangeError(
      `${field} must be a non-negative decimal with at most ${scale} places, got ${value}`,
    );
  }
  return result;
}

/** Parses an item's money; `index` names the item in errors. */
export function parseMoneyItem(item: MoneyItemInput, index: number): MoneyItem {
  const excluded = item.is_excluded === 1 || item.is_excluded === true;
  const discountRate = scaled(item.discount_rate ?? 0, 2, `items.${index}.discount_rate`);
  if (discountRate > PERCENT) throw new RangeError(`items.${index}.discount_rate must be at most 100`);
  return {
    price: scaled(item.price, 2, `items.${index}.price`),
    quantity: scaled(item.quantity, 2, `items.${index}.quantity`),
    discountRate,
    taxRate: excluded ? 0n : scaled(item.tax_rate, 2, `items.${index}.tax_rate`),
    excluded,
  };
}
