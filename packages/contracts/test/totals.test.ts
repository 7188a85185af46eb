import { describe, expect, it } from "vitest";
import { computeInvoiceTotals } from "../src";
import { factusExample } from "./fixtures";

const money = (value: string | number) => Number(value).toFixed(2);

/** Factus' own figures for a document's items and totals, as 2-decimal strings. */
// biome-ignore lint/suspicious/noExplicitAny: raw Factus JSON
function publishedFigures(items: any[], totals: any) {
  return {
    items: items.map((item) => ({
      gross_value: money(item.gross_value),
      tax_amount: money(item.tax_amount),
      discount: money(item.discount),
      total: money(item.total),
    })),
    bill: {
      gross_value: money(totals.gross_value),
      taxable_amount: money(totals.taxable_amount),
      tax_amount: money(totals.tax_amount),
      total: money(totals.total),
      ...("surcharge_amount" in totals ? { surcharge_amount: money(totals.surcharge_amount) } : {}),
      ...("discount_amount" in totals ? { discount_amount: money(totals.discount_amount) } : {}),
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: raw Factus JSON
function computedFigures(input: Parameters<typeof computeInvoiceTotals>[0], totals: any) {
  const result = computeInvoiceTotals(input);
  return {
    items: result.items.map(({ gross_value, tax_amount, discount, total }) => ({
      gross_value,
      tax_amount,
      discount,
      total,
    })),
    bill: Object.fromEntries(Object.entries(result.bill).filter(([key]) => key in totals)),
  };
}

describe("computeInvoiceTotals reproduces every published Factus example to the cent", () => {
  it("advanced invoice: create request → Factus' answer (discount, two rates, a surcharge)", () => {
    const request = factusExample("facturas__crear-y-validar-factura__factura-avanzada.1");
    const answer = factusExample("facturas__crear-y-validar-factura__factura-avanzada.2").data;
    expect(computedFigures(request, answer.bill)).toEqual(publishedFigures(answer.items, answer.bill));
    expect(answer.bill.total).toBe("99000.00");
  });

  it("credit note: create request → Factus' answer", () => {
    const request = factusExample("notas-credito__crear-y-validar.1");
    const answer = factusExample("notas-credito__crear-y-validar.2").data;
    expect(computedFigures(request, answer.credit_note)).toEqual(
      publishedFigures(answer.items, answer.credit_note),
    );
  });

  it.each([
    ["facturas__ver.1", "bill"],
    ["notas-credito__ver.1", "credit_note"],
    ["documentos-soporte__crear-validar.2", "support_document"],
    ["documentos-soporte__ver.1", "support_document"],
  ])("%s: items and totals recomputed from its own items", (name, key) => {
    const document = factusExample(name).data;
    const totals = document[key];
    const input = { items: document.items, allowance_charges: document.allowance_charges ?? [] };
    expect(computedFigures(input, totals)).toEqual(publishedFigures(document.items, totals));
  });

  it("item figures of the advanced example, spelled out", () => {
    const { items, bill } = computeInvoiceTotals({
      items: [{ price: 50000, quantity: 1, discount_rate: 20, tax_rate: "19.00" }],
    });
    expect(items[0]).toEqual({
      gross_value: "33613.45",
      taxable_amount: "33613.45",
      tax_amount: "6386.55",
      discount: "8403.36",
      total: "40000.00",
    });
    expect(bill.total).toBe("40000.00");
  });

  it("an excluded item carries no tax and no taxable base", () => {
    const { items, bill } = computeInvoiceTotals({
      items: [{ price: "1000.00", quantity: 3, tax_rate: 19, is_excluded: 1 }],
    });
    expect(items[0]).toMatchObject({ gross_value: "3000.00", taxable_amount: "0.00", tax_amount: "0.00" });
    expect(bill).toMatchObject({ taxable_amount: "0.00", total: "3000.00" });
  });

  it("never drifts where floats would (0.1 + 0.2)", () => {
    const { bill } = computeInvoiceTotals({
      items: [
        { price: 0.1, quantity: 1, tax_rate: 0 },
        { price: 0.2, quantity: 1, tax_rate: 0 },
      ],
    });
    expect(bill.total).toBe("0.30");
  });

  it("rounds half-up at the cent", () => {
    // 0.05 × 1 at 0 % tax, 50 % discount → 0.025 → 0.03
    const { items } = computeInvoiceTotals({
      items: [{ price: "0.05", quantity: 1, discount_rate: 50, tax_rate: 0 }],
    });
    expect(items[0]?.total).toBe("0.03");
  });

  it.each([
    [{ price: "1.001", quantity: 1, tax_rate: 0 }, /price/],
    [{ price: -1, quantity: 1, tax_rate: 0 }, /price/],
    [{ price: 1, quantity: 1, tax_rate: "abc" }, /tax_rate/],
    [{ price: 1, quantity: 1, tax_rate: 0, discount_rate: 101 }, /discount_rate/],
  ])("refuses an item it cannot compute exactly: %j", (item, message) => {
    expect(() => computeInvoiceTotals({ items: [item] })).toThrow(message);
  });
});
