import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CreateInvoiceRequest,
  computeInvoiceTotals,
  type FactusVersion,
  formatCents,
  toFactusV1Prices,
  toFactusV2Bill,
} from "../src";
import { FactusV2BillRequest } from "../src/factus-v2";
import { publicInvoice } from "./upstream-arbitraries";

// Properties of computeInvoiceTotals per upstream version and price mode, against a reference written here from
// the models' definitions with exact fractions (not the package's code): the document's total is the upstream's,
// and it never drifts silently from the exact total of the caller's prices.

/** An exact fraction n / d, d > 0. */
type Q = [bigint, bigint];
const q = (value: string | number): Q => {
  const [whole = "0", fraction = ""] = String(value).split(".");
  return [BigInt(whole + fraction), 10n ** BigInt(fraction.length)];
};
const add = ([a, b]: Q, [c, d]: Q): Q => [a * d + c * b, b * d];
const sub = (x: Q, [c, d]: Q): Q => add(x, [-c, d]);
const mul = ([a, b]: Q, [c, d]: Q): Q => [a * c, b * d];
const div = ([a, b]: Q, [c, d]: Q): Q => [a * d, b * c];
const ONE: Q = [1n, 1n];
const percent = (value: string | number) => div(q(value), [100n, 1n]);
/** Rounded half-up to a whole cent (inputs in pesos), as a fraction of pesos. */
const cent = ([n, d]: Q): Q => {
  const cents = n * 100n;
  const sign = cents < 0n ? -1n : 1n;
  const magnitude = sign * cents;
  return [sign * ((2n * magnitude + d) / (2n * d)), 100n];
};
const toCents = ([n, d]: Q) => (n * 100n) / d;
const sum = (values: Q[]) => values.reduce(add, [0n, 1n]);

const surchargesOf = (request: CreateInvoiceRequest) =>
  sum((request.allowance_charges ?? []).map((charge) => q(charge.amount)));

/** Each line's exact tax-inclusive amount in the request's own price mode (unrounded). */
const exactLines = (request: CreateInvoiceRequest) =>
  request.items.map((item) => {
    const line = mul(mul(q(item.price), q(item.quantity)), sub(ONE, percent(item.discount_rate)));
    const rate = item.is_excluded === 1 ? ([0n, 1n] as Q) : percent(item.tax_rate);
    return request.prices_include_tax === false ? mul(line, add(ONE, rate)) : line;
  });

/** v1's lines (gross + tax) from the tax-inclusive prices v1 is sent. */
const v1Lines = (request: CreateInvoiceRequest) =>
  toFactusV1Prices(request).items.map((item) => {
    const rate = item.is_excluded === 1 ? ([0n, 1n] as Q) : percent(item.tax_rate);
    const paid = mul(mul(q(item.price), q(item.quantity)), sub(ONE, percent(item.discount_rate)));
    const base = div(paid, add(ONE, rate));
    return add(cent(base), cent(mul(base, rate)));
  });

/** v2's lines (base + Σ taxes) from the mapped body, and the body. */
const v2Lines = (request: CreateInvoiceRequest) => {
  const mapped = toFactusV2Bill(request);
  if (!mapped.ok) throw new Error(`not mappable: ${JSON.stringify(mapped.issues)}`);
  const lines = mapped.body.items.map((item) => {
    const base = sub(
      mul(q(String(item.price)), q(String(item.quantity))),
      q(String(item.discount_amount ?? 0)),
    );
    const taxes = item.taxes.map((tax) =>
      tax.is_excluded ? ([0n, 1n] as Q) : cent(mul(base, percent(String(tax.rate)))),
    );
    return add(base, sum(taxes));
  });
  return { lines, mapped };
};

interface Drift {
  invoices: number;
  drifting: number;
  largest: bigint;
}
const drift: Record<string, Drift> = {};

/** Checks one invoice on one upstream; returns the issued − implied difference in cents. */
function check(request: CreateInvoiceRequest, upstream: FactusVersion): bigint {
  const totals = computeInvoiceTotals(request, { upstream });
  const lines = upstream === "v1" ? v1Lines(request) : v2Lines(request).lines;
  const issued = add(sum(lines), surchargesOf(request));
  const exact = exactLines(request);
  const implied = cent(add(sum(exact), surchargesOf(request)));
  const context = JSON.stringify({ request, totals });

  expect(totals.bill.total, context).toBe(formatCents(toCents(issued)));
  const difference = toCents(issued) - toCents(implied);
  if (difference === 0n) {
    expect(totals.rounding, context).toBeUndefined();
  } else {
    expect(totals.rounding, context).toEqual({
      expected_total: formatCents(toCents(implied)),
      issued_total: totals.bill.total,
      difference: formatCents(difference),
      lines: lines.flatMap((line, index) => {
        const expected = toCents(cent(exact[index] as Q));
        return expected === toCents(line)
          ? []
          : [{ index, expected: formatCents(expected), issued: formatCents(toCents(line)) }];
      }),
    });
  }
  return difference;
}

const UPSTREAMS: FactusVersion[] = ["v1", "v2"];

describe("computeInvoiceTotals per upstream and price mode (fast-check: 300 random invoices per property, both price modes)", () => {
  it.each(UPSTREAMS)(
    "on %s: the total is the upstream's and never drifts silently from the prices",
    (upstream) => {
      fc.assert(
        fc.property(publicInvoice, (request) => {
          check(request, upstream);
          check({ ...request, prices_include_tax: !request.prices_include_tax }, upstream);
        }),
        { numRuns: 300 },
      );
    },
  );

  it("on v2 the mapped body parses with the v2 schema and pays exactly the computed total", () => {
    fc.assert(
      fc.property(publicInvoice, (request) => {
        const { mapped } = v2Lines(request);
        if (!mapped.ok) return;
        const parsed = FactusV2BillRequest.safeParse(mapped.body);
        expect(parsed.error?.issues, JSON.stringify(mapped.body)).toBeUndefined();
        expect(mapped.body.payment_details).toHaveLength(1);
        expect(mapped.body.payment_details[0]?.amount).toBe(mapped.totals.bill.total);
        expect(mapped.body).not.toHaveProperty("cash_rounding_amount");
        expect(mapped.totals).toEqual(computeInvoiceTotals(request, { upstream: "v2" }));
      }),
      { numRuns: 300 },
    );
  });

  it("on v2 with tax-inclusive prices (S1) every subtotal equals v1's, and tax is off by at most a cent a line", () => {
    fc.assert(
      fc.property(publicInvoice, (invoice) => {
        const request = { ...invoice, prices_include_tax: true };
        const v1 = computeInvoiceTotals(request);
        const v2 = computeInvoiceTotals(request, { upstream: "v2" });
        expect(v2.bill.gross_value).toBe(v1.bill.gross_value);
        expect(v2.bill.taxable_amount).toBe(v1.bill.taxable_amount);
        v2.items.forEach((item, index) => {
          expect(item.gross_value).toBe(v1.items[index]?.gross_value);
          const gap = Math.abs(Number(item.tax_amount) - Number(v1.items[index]?.tax_amount));
          expect(gap).toBeLessThanOrEqual(0.011);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("measures the drift on 1,000 invoices per mode and upstream (fixed seed)", { timeout: 60_000 }, () => {
    const sample = fc.sample(publicInvoice, { numRuns: 1_000, seed: 20261124 });
    for (const invoice of sample) {
      for (const inclusive of [true, false]) {
        const request = { ...invoice, prices_include_tax: inclusive };
        for (const upstream of UPSTREAMS) {
          const key = `${inclusive ? "tax-inclusive" : "net"} on ${upstream}`;
          const entry = drift[key] ?? { invoices: 0, drifting: 0, largest: 0n };
          drift[key] = entry;
          const difference = check(request, upstream);
          const magnitude = difference < 0n ? -difference : difference;
          entry.invoices++;
          if (difference !== 0n) entry.drifting++;
          if (magnitude > entry.largest) entry.largest = magnitude;
        }
      }
    }
    const table = Object.entries(drift).map(
      ([key, { invoices, drifting, largest }]) =>
        `${key.padEnd(20)} ${((100 * drifting) / invoices).toFixed(2).padStart(6)} % of ${invoices} invoices ` +
        `differ from the implied total; largest difference ${formatCents(largest)}`,
    );
    console.log(`Issued vs implied total (prices_include_tax × upstream):\n${table.join("\n")}`);
    // Net prices are v2's own reading: v2 then only rounds each line's tax to the cent.
    expect(drift["net on v2"]?.largest).toBeLessThanOrEqual(8n);
    // S1: at most a cent of tax per line (research: ±0.04 on an invoice).
    expect(drift["tax-inclusive on v2"]?.largest).toBeLessThanOrEqual(8n);
  });
});
