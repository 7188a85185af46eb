import { divideRoundHalfUp, formatCents, toScaled } from "./decimal";

type DecimalInput = number | string;

/** What `computeInvoiceTotals` reads of an invoice: a create request fits as it is. */
export interface TotalsInput {
  items: readonly {
    price: DecimalInput;
    quantity: DecimalInput;
    discount_rate?: DecimalInput | undefined;
    tax_rate: DecimalInput;
    is_excluded?: number | boolean | undefined;
  }[];
  allowance_charges?: readonly { is_surcharge: boolean; amount: DecimalInput }[] | undefined;
}

/** Figures of one item, as 2-decimal strings (Factus v1 names). */
export interface ItemTotals {
  /** Value before tax and after the item discount. */
  gross_value: string;
  /** Base the tax is computed on: the gross value, or "0.00" for an excluded item. */
  taxable_amount: string;
  tax_amount: string;
  /** Item discount, taken from the tax-exclusive base. */
  discount: string;
  /** price × quantity × (1 − discount_rate / 100): what the customer pays for the line. */
  total: string;
}

/** Figures of the whole bill, as 2-decimal strings (Factus v1 names). */
export interface BillTotals {
  gross_value: string;
  taxable_amount: string;
  tax_amount: string;
  /** Sum of the allowance charges that are discounts (item discounts are already inside gross_value). */
  discount_amount: string;
  /** Sum of the allowance charges that are surcharges. */
  surcharge_amount: string;
  /** gross_value + tax_amount + surcharge_amount − discount_amount. Withholdings are never subtracted. */
  total: string;
}

export interface InvoiceTotals {
  items: ItemTotals[];
  bill: BillTotals;
}

const RATE_SCALE = 10_000n; // rates carry 2 decimals: 19.00 % → 1900 / 10_000
const QUANTITY_SCALE = 100n;

function scaled(value: DecimalInput, scale: number, field: string): bigint {
  const result = toScaled(value, scale);
  if (result === undefined || result < 0n) {
    throw new RangeError(
      `${field} must be a non-negative decimal with at most ${scale} places, got ${value}`,
    );
  }
  return result;
}

/**
 * Invoice totals exactly as Factus v1 computes them, to the cent. Prices are tax-inclusive:
 * base = price × qty ÷ (1 + r), discount = base × d, gross = base − discount, tax = gross × r; each figure is
 * rounded half-up from the exact value, and bill figures are sums of the rounded item figures.
 * Arithmetic is done on bigint rationals, so no figure drifts by a float error.
 * @throws RangeError when a figure is not a non-negative decimal of the right precision.
 */
export function computeInvoiceTotals(input: TotalsInput): InvoiceTotals {
  let gross = 0n;
  let taxable = 0n;
  let tax = 0n;
  const items = input.items.map((item, index) => {
    const priceCents = scaled(item.price, 2, `items.${index}.price`);
    const quantity = scaled(item.quantity, 2, `items.${index}.quantity`);
    const discountRate = scaled(item.discount_rate ?? 0, 2, `items.${index}.discount_rate`);
    const excluded = item.is_excluded === 1 || item.is_excluded === true;
    const taxRate = excluded ? 0n : scaled(item.tax_rate, 2, `items.${index}.tax_rate`);
    if (discountRate > RATE_SCALE) throw new RangeError(`items.${index}.discount_rate must be at most 100`);

    // Line amount in cents is amount / QUANTITY_SCALE; every figure below is an exact fraction of it.
    const amount = priceCents * quantity;
    const kept = RATE_SCALE - discountRate;
    const grossDenominator = QUANTITY_SCALE * (RATE_SCALE + taxRate);
    const itemGross = divideRoundHalfUp(amount * kept, grossDenominator);
    const itemTax = divideRoundHalfUp(amount * kept * taxRate, grossDenominator * RATE_SCALE);
    const itemDiscount = divideRoundHalfUp(amount * discountRate, grossDenominator);
    const itemTotal = divideRoundHalfUp(amount * kept, QUANTITY_SCALE * RATE_SCALE);
    const itemTaxable = excluded ? 0n : itemGross;

    gross += itemGross;
    taxable += itemTaxable;
    tax += itemTax;
    return {
      gross_value: formatCents(itemGross),
      taxable_amount: formatCents(itemTaxable),
      tax_amount: formatCents(itemTax),
      discount: formatCents(itemDiscount),
      total: formatCents(itemTotal),
    };
  });

  let discounts = 0n;
  let surcharges = 0n;
  input.allowance_charges?.forEach((charge, index) => {
    const cents = scaled(charge.amount, 2, `allowance_charges.${index}.amount`);
    if (charge.is_surcharge) surcharges += cents;
    else discounts += cents;
  });

  return {
    items,
    bill: {
      gross_value: formatCents(gross),
      taxable_amount: formatCents(taxable),
      tax_amount: formatCents(tax),
      discount_amount: formatCents(discounts),
      surcharge_amount: formatCents(surcharges),
      total: formatCents(gross + tax + surcharges - discounts),
    },
  };
}
