import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeInvoiceTotals, formatCents, toScaled } from "../src";

const cents = (value: string) => toScaled(value, 2)!;
const decimal2 = (max: number) =>
  fc.integer({ min: 0, max: max * 100 }).map((value) => formatCents(BigInt(value)));
const positivePrice = fc.integer({ min: 1, max: 1_000_000_000 }).map((value) => formatCents(BigInt(value)));

const item = fc.record({
  price: positivePrice,
  quantity: fc.integer({ min: 1, max: 10_000 }),
  discount_rate: decimal2(100),
  tax_rate: fc.oneof(fc.constantFrom("0.00", "5.00", "8.00", "19.00"), decimal2(100)),
  is_excluded: fc.constantFrom(0, 1),
});

const invoice = fc
  .record({
    items: fc.array(item, { minLength: 1, maxLength: 30 }),
    charges: fc.array(fc.record({ is_surcharge: fc.boolean(), amount: decimal2(100_000) }), { maxLength: 4 }),
  })
  .map(({ items, charges }) => ({ items, allowance_charges: charges }));

describe("computeInvoiceTotals properties (1,000 random invoices)", () => {
  it("total = gross + tax + surcharge − discount exactly, bill sums match items, no NaN or negative item figure", () => {
    fc.assert(
      fc.property(invoice, (input) => {
        const { items, bill } = computeInvoiceTotals(input);
        const sum = (key: "gross_value" | "tax_amount" | "taxable_amount") =>
          items.reduce((acc, entry) => acc + cents(entry[key]), 0n);
        expect(cents(bill.gross_value)).toBe(sum("gross_value"));
        expect(cents(bill.tax_amount)).toBe(sum("tax_amount"));
        expect(cents(bill.taxable_amount)).toBe(sum("taxable_amount"));
        expect(cents(bill.total)).toBe(
          cents(bill.gross_value) +
            cents(bill.tax_amount) +
            cents(bill.surcharge_amount) -
            cents(bill.discount_amount),
        );
        for (const entry of items) {
          for (const value of Object.values(entry)) {
            expect(value).toMatch(/^\d+\.\d{2}$/);
          }
          // gross + tax can differ from the line total by at most one cent of rounding.
          const gap = cents(entry.gross_value) + cents(entry.tax_amount) - cents(entry.total);
          expect(gap >= -1n && gap <= 1n).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic and independent of how numbers are written (19 vs "19.00")', () => {
    fc.assert(
      fc.property(invoice, (input) => {
        const asText = {
          ...input,
          items: input.items.map((entry) => ({
            ...entry,
            price: String(entry.price),
            quantity: String(entry.quantity),
          })),
        };
        const asNumbers = {
          ...input,
          items: input.items.map((entry) => ({
            ...entry,
            price: Number(entry.price),
            tax_rate: Number(entry.tax_rate),
          })),
        };
        expect(computeInvoiceTotals(asText)).toEqual(computeInvoiceTotals(asNumbers));
      }),
      { numRuns: 200 },
    );
  });
});

describe("toScaled of a number (the fast path without text)", () => {
  // The text path is the reference: a number reads as its shortest round-trip text.
  const byText = (value: number, scale: number) => toScaled(String(value), scale);

  it("equals reading the number's text, for any double and scale", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.constantFrom(0, 2, 4), (value, scale) => {
        if (!/e/i.test(String(value))) expect(toScaled(value, scale)).toBe(byText(value, scale));
      }),
      { numRuns: 20_000 },
    );
  });

  it("is exact for every amount in cents up to 10^13 pesos, and refuses a third decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }), (cents) => {
        expect(toScaled(cents / 100, 2)).toBe(BigInt(cents));
        expect(toScaled(cents / 100 + 0.001, 2)).toBe(byText(cents / 100 + 0.001, 2));
      }),
      { numRuns: 20_000 },
    );
    expect(toScaled(0.29, 2)).toBe(29n);
    expect(toScaled(1.005, 2)).toBeUndefined();
    expect(toScaled(-0, 2)).toBe(0n);
  });
});
