import { describe, expect, it } from "vitest";
import { computeInvoiceTotals, upstreamPricing } from "../src";
import { factusExample } from "./fixtures";

// computeInvoiceTotals per upstream version and price mode: the published cases (seed 004, the official v1 example
// on v2, research §4.2) and the definition of `rounding`.

const seed004 = { items: [{ price: 1000000, quantity: 1, tax_rate: 19, discount_rate: 0, is_excluded: 0 }] };
/** The official v1 example (factura-avanzada): 50,000 incl. @19 % with 20 % off + 50,000 incl. @5 %, 9,000 tip. */
const officialV1 = factusExample("facturas__crear-y-validar-factura__factura-avanzada.1");
const officialItems = { items: officialV1.items };

describe("seed 004 (price 1,000,000 at 19 % → 1,000,000 + 190,000 = 1,190,000)", () => {
  it.each(["v1", "v2"] as const)("holds with net prices on %s, with no rounding", (upstream) => {
    const totals = computeInvoiceTotals({ ...seed004, prices_include_tax: false }, { upstream });
    expect(totals.bill).toMatchObject({
      gross_value: "1000000.00",
      tax_amount: "190000.00",
      total: "1190000.00",
    });
    expect(totals.rounding, JSON.stringify(totals)).toBeUndefined();
  });

  it("v1 is sent the tax-inclusive price 1,190,000; v2 the net price as it is", () => {
    const request = { ...seed004, prices_include_tax: false };
    expect(upstreamPricing(request, { upstream: "v1" })).toEqual([{ upstream: "v1", price: 119000000n }]);
    expect(upstreamPricing(request, { upstream: "v2" })).toEqual([
      { upstream: "v2", price: 100000000n, discount: 0n },
    ]);
  });

  it("read with tax-inclusive prices (the default): 1,000,000.00 on v1, 999,999.99 on v2, and rounding says so", () => {
    const v1 = computeInvoiceTotals(seed004);
    expect(v1.bill).toMatchObject({ gross_value: "840336.13", tax_amount: "159663.87", total: "1000000.00" });
    expect(v1.rounding).toBeUndefined();
    // v2 taxes the rounded base: 840,336.13 × 0.19 = 159,663.8647 → .86, where v1 took .8655 → .87 from the price.
    const v2 = computeInvoiceTotals(seed004, { upstream: "v2" });
    expect(v2.bill).toMatchObject({ gross_value: "840336.13", tax_amount: "159663.86", total: "999999.99" });
    expect(v2.rounding).toEqual({
      expected_total: "1000000.00",
      issued_total: "999999.99",
      difference: "-0.01",
      lines: [{ index: 0, expected: "1000000.00", issued: "999999.99" }],
    });
  });
});

describe("the official v1 example (90,000.00) on v2: 90,000.01, and rounding says so", () => {
  it("v1 (default) is unchanged: 90,000.00 with no rounding", () => {
    const totals = computeInvoiceTotals(officialItems);
    expect(totals.bill.total).toBe("90000.00");
    expect(totals).toEqual(computeInvoiceTotals(officialItems, { upstream: "v1" }));
    expect(totals.rounding).toBeUndefined();
  });

  it("v2 (S1): same subtotal as v1, a cent more of IVA on line 0, and the difference stated", () => {
    const totals = computeInvoiceTotals(officialItems, { upstream: "v2" });
    expect(totals.bill).toEqual({
      gross_value: "81232.50",
      taxable_amount: "81232.50",
      tax_amount: "8767.51",
      discount_amount: "0.00",
      surcharge_amount: "0.00",
      total: "90000.01",
    });
    expect(totals.rounding).toEqual({
      expected_total: "90000.00",
      issued_total: "90000.01",
      difference: "0.01",
      lines: [{ index: 0, expected: "40000.00", issued: "40000.01" }],
    });
    // The research's S1 prices: 42,016.81 with a 8,403.36 discount (base 33,613.45 = v1's), and 47,619.05.
    expect(upstreamPricing(officialItems, { upstream: "v2" })).toEqual([
      { upstream: "v2", price: 4201681n, discount: 840336n },
      { upstream: "v2", price: 4761905n, discount: 0n },
    ]);
  });

  it("with its 9,000 tip: v1 99,000.00, v2 99,000.01", () => {
    expect(computeInvoiceTotals(officialV1).bill.total).toBe("99000.00");
    const v2 = computeInvoiceTotals(officialV1, { upstream: "v2" });
    expect(v2.bill.total).toBe("99000.01");
    expect(v2.rounding).toMatchObject({ expected_total: "99000.00", difference: "0.01" });
  });

  it("the v2 rounding example read as v1 prices: S1 gives v1's 260,564.82 where Factus' own naive prices give .81", () => {
    const items = [
      { price: 190000, quantity: 1, tax_rate: 8 },
      { price: 16000, quantity: 2, tax_rate: 8 },
      { price: "38564.82", quantity: 1, tax_rate: 19 },
    ];
    const v2 = computeInvoiceTotals({ items }, { upstream: "v2" });
    expect(v2.bill.total).toBe(computeInvoiceTotals({ items }).bill.total);
    expect(v2.bill.total).toBe("260564.82");
    expect(upstreamPricing({ items }, { upstream: "v2" })[1]).toEqual({
      upstream: "v2",
      price: 1481482n,
      discount: 1n,
    });
  });
});

describe("net prices", () => {
  it("on v2 a discount rate is sent as the amount that leaves the exact net base, rounded once", () => {
    const input = {
      prices_include_tax: false,
      items: [{ price: "10.01", quantity: 3, discount_rate: "33.33", tax_rate: 19 }],
    };
    // 30.03 × 0.6667 = 20.020001 → base 20.02, discount 10.01; tax 3.8038 → 3.80.
    expect(upstreamPricing(input, { upstream: "v2" })).toEqual([
      { upstream: "v2", price: 1001n, discount: 1001n },
    ]);
    expect(computeInvoiceTotals(input, { upstream: "v2" }).items[0]).toEqual({
      gross_value: "20.02",
      taxable_amount: "20.02",
      tax_amount: "3.80",
      discount: "10.01",
      total: "23.82",
    });
  });

  it("on v1 the tax-inclusive price whose v1 line is closest to the net intent, the drift reported", () => {
    // Net 85.71 at 19 %: intent 85.71 + 16.2849 = 101.9949 → 101.99. v1 from 101.99: 85.71 + 16.28 = 101.99.
    const exact = { prices_include_tax: false, items: [{ price: "85.71", quantity: 1, tax_rate: 19 }] };
    expect(upstreamPricing(exact, { upstream: "v1" })).toEqual([{ upstream: "v1", price: 10199n }]);
    expect(computeInvoiceTotals(exact, { upstream: "v1" }).rounding).toBeUndefined();
    // Net 1.01 × 7 at 19 %: intent 8.4133 → 8.41; v1 price 1.20 gives 8.40, 1.21 gives 8.47: 8.40 is closest.
    const drift = { prices_include_tax: false, items: [{ price: "1.01", quantity: 7, tax_rate: 19 }] };
    expect(upstreamPricing(drift, { upstream: "v1" })).toEqual([{ upstream: "v1", price: 120n }]);
    expect(computeInvoiceTotals(drift, { upstream: "v1" }).rounding).toEqual({
      expected_total: "8.41",
      issued_total: "8.40",
      difference: "-0.01",
      lines: [{ index: 0, expected: "8.41", issued: "8.40" }],
    });
  });

  it("excluded and untaxed items map exactly on both versions", () => {
    const input = {
      prices_include_tax: false,
      items: [
        { price: "123.45", quantity: 3, tax_rate: 0, is_excluded: 1 },
        { price: "99.99", quantity: 2, tax_rate: 0, discount_rate: 10 },
      ],
    };
    for (const upstream of ["v1", "v2"] as const) {
      const totals = computeInvoiceTotals(input, { upstream });
      expect(totals.bill.total).toBe("550.33"); // 370.35 + 179.98 (199.98 × 0.9 = 179.982)
      expect(totals.rounding).toBeUndefined();
    }
  });
});

describe("rounding: what 'the prices imply' means", () => {
  it("is the exact sum of the lines rounded once, so cents rounded line by line can differ with no line to blame", () => {
    // Three net lines of 0.04 at 19 %: each 0.0476 → 0.05 exact-rounded, issued 0.04 + 0.01 = 0.05 each (no line
    // differs). 1.19 × 0.12 = 0.1428 → 0.14 expected; issued 0.15.
    const input = {
      prices_include_tax: false,
      items: Array.from({ length: 3 }, () => ({ price: "0.04", quantity: 1, tax_rate: 19 })),
    };
    expect(computeInvoiceTotals(input, { upstream: "v2" }).rounding).toEqual({
      expected_total: "0.14",
      issued_total: "0.15",
      difference: "0.01",
      lines: [],
    });
  });

  it("counts surcharges and allowance discounts in the implied total", () => {
    const input = {
      items: [{ price: 50000, quantity: 1, discount_rate: 20, tax_rate: 19 }],
      allowance_charges: [
        { is_surcharge: true, amount: "1000.00" },
        { is_surcharge: false, amount: "500.00" },
      ],
    };
    expect(computeInvoiceTotals(input, { upstream: "v2" }).rounding).toMatchObject({
      expected_total: "40500.00",
      issued_total: "40500.01",
    });
  });

  it("also reports v1's own half-cent ties (INC 4 %: gross and tax both end in half a cent)", () => {
    // 0.13 at 4 %: base 0.125, tax 0.005 → v1 0.13 + 0.01 = 0.14 for a 0.13 price.
    const totals = computeInvoiceTotals({ items: [{ price: "0.13", quantity: 1, tax_rate: 4 }] });
    expect(totals.bill.total).toBe("0.14");
    expect(totals.rounding).toEqual({
      expected_total: "0.13",
      issued_total: "0.14",
      difference: "0.01",
      lines: [{ index: 0, expected: "0.13", issued: "0.14" }],
    });
  });
});
