// Factus v2's arithmetic, as fitted to every published v2 example (research note on Factus v2, §4.1, "model A";
// SPEC §7 "Money model"). Pure functions on integer cents (bigint): no float ever touches an amount.
//
// Deliberately independent of @factus-edge/contracts' computeInvoiceTotals (v1's tax-inclusive model): a gateway
// preview built on the contracts must not pass against this emulator "by construction". Only the contracts'
// decimal parsing and formatting helpers are shared.
//
// The model, per item:  gross = price × quantity;  discount = discount_amount, or rnd(gross × discount_rate);
// base = gross − discount;  tax = rnd(base × rate), per item and per tax;  excluded items carry no tax.
// Per document: total = Σ base + Σ tax + surcharges − allowance discounts; withholdings are informative and never
// subtracted. The payments must add up to total + cash_rounding_amount, with |cash_rounding_amount| ≤ 500.00.
// rnd rounds to the cent. Where the examples cannot decide (none has a half-cent tie, a fractional quantity or a
// rate discount on a bill), the choice is marked GUESS where it is made.

import { formatCents, toScaled } from "@factus-edge/contracts";

/**
 * How half a cent rounds. GUESS: "half-up" (half away from zero) by default. No published example has a tie; one
 * integrator claims half-even (NTC 3711); the research's reference script and Factus' v1 model use half-up, and
 * Factus answers like a Laravel (PHP) app, whose round() is half away from zero. The research's simulation gives
 * the same picture either way.
 */
export type V2Rounding = "half-up" | "half-even";
export const V2_DEFAULT_ROUNDING: V2Rounding = "half-up";

/** `cash_rounding_amount` limit: "El valor máximo permitido es ±500.00" [facturas/crear-y-validar]. */
export const V2_CASH_ROUNDING_LIMIT_CENTS = 50_000n;

type Decimal = string | number;

/** An item's tax: `{ code, rate }`, or `{ is_excluded: true }`. */
export interface V2MoneyTax {
  code?: string;
  rate?: Decimal;
  is_excluded?: boolean;
}

/** The money fields of a v2 item (bill, credit note, debit note, support document). */
export interface V2MoneyItem {
  price: Decimal;
  quantity: Decimal;
  discount_rate?: Decimal;
  discount_amount?: Decimal;
  taxes?: readonly V2MoneyTax[];
}

/** The money fields of a v2 document create. */
export interface V2MoneyDocument {
  items: readonly V2MoneyItem[];
  allowance_charges?: readonly { is_surcharge: boolean; amount: Decimal }[];
  prepayment_details?: readonly { amount: Decimal }[];
}

export interface V2LineTax {
  code: string;
  /** The rate as sent, normalized to 2 decimals ("19.00"). */
  rate: string;
  taxable_amount: bigint;
  tax_amount: bigint;
}

/** One item's figures, in cents. */
export interface V2Line {
  /** price × quantity, before the discount. */
  gross: bigint;
  discount: bigint;
  /** gross − discount: v2's item `total` (net) and the taxable base. */
  base: bigint;
  /** true when the item has no tax that is not excluded. */
  excluded: boolean;
  taxes: V2LineTax[];
  tax_amount: bigint;
  /** base + tax_amount. */
  total: bigint;
}

/** A document's totals, in cents. The first five are v2's `totals`; the rest are shown for the checks. */
export interface V2Totals {
  /** Σ price × quantity, before item discounts: GUESS, from the docs' wording "antes de impuestos y descuentos". */
  gross_amount: bigint;
  /** Σ bases of the items with at least one tax that is not excluded. */
  taxable_amount: bigint;
  tax_amount: bigint;
  /** Σ allowance_charges with is_surcharge true. */
  surcharge_amount: bigint;
  /** What the payments must add up to (with cash_rounding_amount): Σ base + Σ tax + surcharges − allowances. */
  total: bigint;
  /** Σ item discounts. */
  discount_amount: bigint;
  /** Σ bases (gross_amount − discount_amount). */
  line_extension_amount: bigint;
  /** Σ allowance_charges with is_surcharge false. GUESS: subtracted (Factus has not enabled those concepts yet). */
  allowance_amount: bigint;
  prepayment_amount: bigint;
  /**
   * total − prepayments: what the docs' `totals.total` ("después de anticipos") may mean. GUESS: the payment check
   * uses `total`, because the examples with prepayments (anticipo, currency, SS-*) pay the full total.
   */
  payable_amount: bigint;
}

/** Per tax and rate, summed over the items (v2's `data.taxes[]`): Σ of the per-item rounded taxes. */
export interface V2TaxSummary {
  code: string;
  rate: string;
  taxable_amount: bigint;
  tax_amount: bigint;
}

export interface V2Computation {
  lines: V2Line[];
  taxes: V2TaxSummary[];
  totals: V2Totals;
}

/** An input that is not a number v2 accepts (more than 2 decimals, negative, a discount above the line…). */
export class V2MoneyError extends RangeError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "V2MoneyError";
  }
}

/** A decimal with at most 2 places, as an integer of hundredths ("19.5" → 1950n, 3 → 300n). */
function hundredths(value: Decimal | undefined, path: string, { allowNegative = false } = {}): bigint {
  if (value === undefined || value === "") return 0n;
  const scaled = toScaled(value, 2);
  if (scaled === undefined)
    throw new V2MoneyError(path, `${String(value)} no es un número con máximo 2 decimales`);
  if (scaled < 0n && !allowNegative) throw new V2MoneyError(path, "no puede ser negativo");
  return scaled;
}

/** numerator / denominator rounded to an integer; denominator > 0. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: V2Rounding): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const twiceRest = 2n * (magnitude % denominator);
  const up =
    twiceRest > denominator ||
    (twiceRest === denominator && (rounding === "half-up" || quotient % 2n === 1n));
  const rounded = up ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/**
 * One item's figures. Quantities may have 2 decimals: price × quantity is then rounded to the cent with the same
 * rule (GUESS: no example has a fractional quantity). A discount rate is rounded to the cent on the gross (GUESS:
 * no example has a non-zero rate discount on a bill; the research assumed it and the vectors follow).
 */
export function computeV2Line(
  item: V2MoneyItem,
  rounding: V2Rounding = V2_DEFAULT_ROUNDING,
  path = "item",
): V2Line {
  const price = hundredths(item.price, `${path}.price`);
  const quantity = hundredths(item.quantity, `${path}.quantity`);
  if (quantity === 0n) throw new V2MoneyError(`${path}.quantity`, "debe ser mayor que 0");
  const gross = divideRounded(price * quantity, 100n, rounding);

  const discountAmount = hundredths(item.discount_amount, `${path}.discount_amount`);
  const discountRate = hundredths(item.discount_rate, `${path}.discount_rate`);
  if (discountRate > 10_000n) throw new V2MoneyError(`${path}.discount_rate`, "no puede superar 100");
  if (discountAmount > 0n && discountRate > 0n)
    throw new V2MoneyError(path, "envíe discount_rate o discount_amount, no ambos");
  // A rate of hundredths of a percent: gross × rate / 10,000.
  const discount =
    discountAmount > 0n ? discountAmount : divideRounded(gross * discountRate, 10_000n, rounding);
  const base = gross - discount;
  if (base < 0n)
    throw new V2MoneyError(`${path}.discount_amount`, "el descuento supera el valor de la línea");

  const taxes: V2LineTax[] = [];
  for (const [index, tax] of (item.taxes ?? []).entries()) {
    if (tax.is_excluded) continue;
    const rate = hundredths(tax.rate, `${path}.taxes.${index}.rate`);
    if (tax.code === undefined) throw new V2MoneyError(`${path}.taxes.${index}.code`, "es obligatorio");
    taxes.push({
      code: tax.code,
      rate: formatCents(rate),
      taxable_amount: base,
      tax_amount: divideRounded(base * rate, 10_000n, rounding),
    });
  }
  const taxAmount = taxes.reduce((sum, tax) => sum + tax.tax_amount, 0n);
  return {
    gross,
    discount,
    base,
    excluded: taxes.length === 0,
    taxes,
    tax_amount: taxAmount,
    total: base + taxAmount,
  };
}

/** A document's lines, per-tax summary and totals under v2's model. */
export function computeV2Document(
  document: V2MoneyDocument,
  rounding: V2Rounding = V2_DEFAULT_ROUNDING,
): V2Computation {
  const lines = document.items.map((item, index) => computeV2Line(item, rounding, `items.${index}`));

  const summary = new Map<string, V2TaxSummary>();
  for (const tax of lines.flatMap((line) => line.taxes)) {
    const key = `${tax.code}|${tax.rate}`;
    const entry = summary.get(key) ?? { code: tax.code, rate: tax.rate, taxable_amount: 0n, tax_amount: 0n };
    entry.taxable_amount += tax.taxable_amount;
    entry.tax_amount += tax.tax_amount;
    summary.set(key, entry);
  }

  const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);
  const charges = (document.allowance_charges ?? []).map((charge, index) => ({
    surcharge: charge.is_surcharge,
    amount: hundredths(charge.amount, `allowance_charges.${index}.amount`),
  }));
  const surcharge = sum(charges.filter((charge) => charge.surcharge).map((charge) => charge.amount));
  const allowance = sum(charges.filter((charge) => !charge.surcharge).map((charge) => charge.amount));
  const prepayment = sum(
    (document.prepayment_details ?? []).map((prepayment, index) =>
      hundredths(prepayment.amount, `prepayment_details.${index}.amount`),
    ),
  );
  const lineExtension = sum(lines.map((line) => line.base));
  const taxAmount = sum(lines.map((line) => line.tax_amount));
  const total = lineExtension + taxAmount + surcharge - allowance;

  return {
    lines,
    taxes: [...summary.values()],
    totals: {
      gross_amount: sum(lines.map((line) => line.gross)),
      taxable_amount: sum(lines.filter((line) => !line.excluded).map((line) => line.base)),
      tax_amount: taxAmount,
      surcharge_amount: surcharge,
      total,
      discount_amount: sum(lines.map((line) => line.discount)),
      line_extension_amount: lineExtension,
      allowance_amount: allowance,
      prepayment_amount: prepayment,
      payable_amount: total - prepayment,
    },
  };
}

/** The outcome of the payment check. */
export interface V2PaymentCheck {
  ok: boolean;
  /** Σ payment_details[].amount. */
  paid: bigint;
  cash_rounding: bigint;
  /** What the payments must add up to: total + cash_rounding_amount. */
  expected: bigint;
  /** paid − expected (0 when ok). */
  difference: bigint;
  /** Why the check failed. */
  problem?: "cash_rounding_out_of_range" | "payments_mismatch";
  /** The 422 text for the failure. */
  message?: string;
}

/**
 * Checks `payment_details` against the document's total: Σ amounts must equal total + cash_rounding_amount exactly
 * and |cash_rounding_amount| ≤ 500.00. GUESS: no tolerance (the one rejection integrators report was a whole
 * tax off, 10,000 sent for 11,900, so a cent of slack cannot be ruled out).
 */
export function checkV2Payments(
  total: bigint,
  document: { payment_details: readonly { amount: Decimal }[]; cash_rounding_amount?: Decimal },
): V2PaymentCheck {
  const paid = document.payment_details.reduce(
    (sum, payment, index) => sum + hundredths(payment.amount, `payment_details.${index}.amount`),
    0n,
  );
  const cashRounding = hundredths(document.cash_rounding_amount, "cash_rounding_amount", {
    allowNegative: true,
  });
  const expected = total + cashRounding;
  const difference = paid - expected;
  const check = { paid, cash_rounding: cashRounding, expected, difference };
  if (cashRounding > V2_CASH_ROUNDING_LIMIT_CENTS || cashRounding < -V2_CASH_ROUNDING_LIMIT_CENTS)
    return {
      ...check,
      ok: false,
      problem: "cash_rounding_out_of_range",
      // GUESS: wording ours; the limit is Factus' (±500.00).
      message: `El campo cash_rounding_amount debe estar entre -500.00 y 500.00. Enviado: ${formatV2Money(cashRounding)}`,
    };
  if (difference !== 0n)
    return {
      ...check,
      ok: false,
      problem: "payments_mismatch",
      // "Esperado: 45,600.00 - Enviado: …" is what practitioners quote from Factus; the sentence before it is ours.
      // GUESS: "Esperado" includes cash_rounding_amount (what the payments must add up to).
      message: `La suma de los medios de pago no coincide con el total del documento. Esperado: ${formatV2Money(expected)} - Enviado: ${formatV2Money(paid)}`,
    };
  return { ...check, ok: true };
}

/** Cents as Factus' messages show money: thousands with ",", 2 decimals with "." (4560000n → "45,600.00"). */
export function formatV2Money(cents: bigint): string {
  const [whole = "0", fraction = "00"] = formatCents(cents).split(".");
  const negative = whole.startsWith("-");
  const digits = negative ? whole.slice(1) : whole;
  return `${negative ? "-" : ""}${digits.replace(/\B(?=(\d{3})+$)/g, ",")}.${fraction}`;
}

/** Cents as v2 answers carry money: a 2-decimal string (8330000n → "83300.00"). */
export const v2Amount = (cents: bigint) => formatCents(cents);
