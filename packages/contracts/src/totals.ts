import { formatCents } from "./decimal";
import { type MoneyItem, type MoneyItemInput, parseMoneyItem, scaled } from "./money/item";
import { v1PriceForNet, v2PricingFromInclusive, v2PricingFromNet } from "./money/pricing";
import { type InvoiceRounding, roundingReport } from "./money/rounding";
import { v1Line } from "./money/v1";
import { v2Line } from "./money/v2";

export type { InvoiceRounding } from "./money/rounding";

type DecimalInput = number | string;

/** What `computeInvoiceTotals` reads of an invoice: a create request fits as it is. */
export interface TotalsInput {
  /**
   * Whether item prices include their tax (default true, Factus v1's reading) or are net (false, v2's reading).
   */
  prices_include_tax?: boolean | undefined;
  items: readonly MoneyItemInput[];
  allowance_charges?: readonly { is_surcharge: boolean; amount: DecimalInput }[] | undefined;
}

/** The Factus API version of the caller's account: each computes its own way. */
export type FactusVersion = "v1" | "v2";

export interface TotalsOptions {
  /** The API version of the Factus account that will issue the document. Default "v1". */
  upstream?: FactusVersion | undefined;
}

/** Figures of one item, as 2-decimal strings (Factus v1 names). */
export interface ItemTotals {
  /** Value before tax and after the item discount (on v2: the net base, price × quantity − discount). */
  gross_value: string;
  /** Base the tax is computed on: the gross value, or "0.00" for an excluded item. */
  taxable_amount: string;
  tax_amount: string;
  /** Item discount: on v1 taken from the tax-exclusive base; on v2 the `discount_amount` sent. */
  discount: string;
  /**
   * What the customer pays for the line: on v1 price × quantity × (1 − discount_rate / 100) as v1 prints it (it can
   * differ from gross + tax by a cent); on v2 gross + tax.
   */
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
  /** Only when the document's total differs from what the prices imply: by how much, and on which lines. */
  rounding?: InvoiceRounding;
}

/** What the gateway sends Factus for one item's money, in cents. */
export type UpstreamPricing =
  | { upstream: "v1"; price: bigint }
  | { upstream: "v2"; price: bigint; discount: bigint };

/** One item as the upstream computes it, in cents. */
interface IssuedLine {
  gross: bigint;
  tax: bigint;
  discount: bigint;
  total: bigint;
}

const pricesIncludeTax = (input: Pick<TotalsInput, "prices_include_tax">) =>
  input.prices_include_tax !== false;

function pricingOf(item: MoneyItem, inclusive: boolean, upstream: FactusVersion): UpstreamPricing {
  if (upstream === "v1") return { upstream, price: inclusive ? item.price : v1PriceForNet(item) };
  return { upstream, ...(inclusive ? v2PricingFromInclusive(item) : v2PricingFromNet(item)) };
}

function issuedLine(item: MoneyItem, pricing: UpstreamPricing): IssuedLine {
  if (pricing.upstream === "v1") return v1Line(item, pricing.price);
  const line = v2Line(item, pricing);
  return { gross: line.base, tax: line.tax, discount: line.discount, total: line.base + line.tax };
}

/**
 * What the gateway sends the caller's Factus account for each item, in the request's price mode: on v1 the
 * tax-inclusive unit price (the caller's own when prices include tax); on v2 the net unit price and the
 * `discount_amount` (0n: none). `computeInvoiceTotals` computes from exactly these, so a preview is the document.
 */
export function upstreamPricing(input: TotalsInput, options: TotalsOptions = {}): UpstreamPricing[] {
  const inclusive = pricesIncludeTax(input);
  return input.items.map((item, index) =>
    pricingOf(parseMoneyItem(item, index), inclusive, options.upstream ?? "v1"),
  );
}

/**
 * Invoice totals exactly as the caller's Factus account will compute them, to the cent, in the request's price mode
 * (`prices_include_tax`, default true).
 *
 * - v1 (default): base = price × qty ÷ (1 + r), discount = base × d, gross = base − discount, tax = gross × r, each
 *   rounded half-up from its exact value; bill figures are sums of the rounded item figures. Net prices are first
 *   turned into the tax-inclusive ones v1 is sent (`upstreamPricing`).
 * - v2: base = net price × qty − discount amount, tax = base × r rounded per line; tax-inclusive prices are sent as
 *   the research's strategy S1 (v2's base = v1's gross), net prices as they are.
 *
 * Totals = gross + tax + surcharges − allowance discounts; withholdings are never subtracted. `rounding` appears
 * when the total differs from what the prices imply (see `InvoiceRounding`). Exact bigint arithmetic throughout.
 * @throws RangeError when a figure is not a non-negative decimal of the right precision.
 */
export function computeInvoiceTotals(input: TotalsInput, options: TotalsOptions = {}): InvoiceTotals {
  const inclusive = pricesIncludeTax(input);
  const upstream = options.upstream ?? "v1";
  const parsed = input.items.map(parseMoneyItem);
  const lines = parsed.map((item) => issuedLine(item, pricingOf(item, inclusive, upstream)));

  let gross = 0n;
  let taxable = 0n;
  let tax = 0n;
  const items = lines.map((line, index) => {
    const lineTaxable = parsed[index]?.excluded ? 0n : line.gross;
    gross += line.gross;
    taxable += lineTaxable;
    tax += line.tax;
    return {
      gross_value: formatCents(line.gross),
      taxable_amount: formatCents(lineTaxable),
      tax_amount: formatCents(line.tax),
      discount: formatCents(line.discount),
      total: formatCents(line.total),
    };
  });

  let discounts = 0n;
  let surcharges = 0n;
  input.allowance_charges?.forEach((charge, index) => {
    const cents = scaled(charge.amount, 2, `allowance_charges.${index}.amount`);
    if (charge.is_surcharge) surcharges += cents;
    else discounts += cents;
  });

  const total = gross + tax + surcharges - discounts;
  const rounding = roundingReport(
    parsed,
    inclusive,
    lines.map((line) => line.gross + line.tax),
    surcharges - discounts,
    total,
  );
  return {
    items,
    bill: {
      gross_value: formatCents(gross),
      taxable_amount: formatCents(taxable),
      tax_amount: formatCents(tax),
      discount_amount: formatCents(discounts),
      surcharge_amount: formatCents(surcharges),
      total: formatCents(total),
    },
    ...(rounding ? { rounding } : {}),
  };
}
