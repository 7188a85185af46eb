import { describe, expect, it } from "vitest";
import supportDocument from "../../../fixtures/factus-v2/documentos-soporte__crear-validar.1.json";
import crearYValidar from "../../../fixtures/factus-v2/facturas__crear-y-validar.1.json";
import anticipo from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-anticipo.1.json";
import autorretenciones from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-autorrentenciones.1.json";
import consumidorFinal from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-consumidor-final.1.json";
import credito from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-credito.1.json";
import currency from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-currency.1.json";
import establecimiento from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-establecimiento.1.json";
import excluido from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-impuesto-excluido.1.json";
import ordenServicio from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-orden-servicio.1.json";
import propina from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-propina.1.json";
import redondeo from "../../../fixtures/factus-v2/facturas__ejemplos__redondeo-medios-pago.1.json";
import estandar from "../../../fixtures/factus-v2/facturas__tipos-de-factura__estandar.1.json";
import mandatos from "../../../fixtures/factus-v2/facturas__tipos-de-factura__mandatos.1.json";
import ssCufe from "../../../fixtures/factus-v2/facturas__tipos-de-factura__ss-cufe.1.json";
import ssRecaudo1 from "../../../fixtures/factus-v2/facturas__tipos-de-factura__ss-recaudo.1.json";
import ssRecaudo2 from "../../../fixtures/factus-v2/facturas__tipos-de-factura__ss-recaudo.2.json";
import ssReporte from "../../../fixtures/factus-v2/facturas__tipos-de-factura__ss-reporte.1.json";
import ssSinAporte from "../../../fixtures/factus-v2/facturas__tipos-de-factura__ss-sin-aporte.1.json";
import transporte from "../../../fixtures/factus-v2/facturas__tipos-de-factura__transporte.1.json";
import adjustmentNote from "../../../fixtures/factus-v2/notas-ajuste-documentos-soporte__crear-validar.1.json";
import creditNote from "../../../fixtures/factus-v2/notas-credito__crear-y-validar.1.json";
import debitNote from "../../../fixtures/factus-v2/notas-debito__crear-y-validar.1.json";
import {
  checkV2Payments,
  computeV2Document,
  computeV2Line,
  formatV2Money,
  type V2MoneyDocument,
  V2MoneyError,
  type V2MoneyItem,
  type V2Rounding,
  v2Amount,
} from "../src/v2/money";
import vectors from "./fixtures/v2-money-vectors.json";

// v2's arithmetic (src/v2/money.ts) against (1) every published v2 create example, whose payment_details must add
// up to the total + cash_rounding_amount, and (2) vectors computed by the research's own model script
// (fixtures/v2-money-vectors.py → .json), under both roundings.

type Example = V2MoneyDocument & {
  payment_details: { amount: string | number }[];
  cash_rounding_amount?: string | number;
};

/** [example, v2 total]: every published bill example, plus the credit note and the adjustment note. */
const PAYMENTS_ADD_UP: [string, Example, string][] = [
  ["facturas/crear-y-validar", crearYValidar, "83300.00"],
  [
    "facturas/ejemplos/estandar-anticipo (payments = full total, not total − 3,300 prepaid)",
    anticipo,
    "83300.00",
  ],
  [
    "facturas/ejemplos/estandar-autorrentenciones (withholdings not subtracted)",
    autorretenciones,
    "1190000.00",
  ],
  ["facturas/ejemplos/estandar-consumidor-final", consumidorFinal, "83300.00"],
  ["facturas/ejemplos/estandar-credito", credito, "83300.00"],
  ["facturas/ejemplos/estandar-currency", currency, "83300.00"],
  ["facturas/ejemplos/estandar-establecimiento", establecimiento, "83300.00"],
  ["facturas/ejemplos/estandar-impuesto-excluido", excluido, "83300.00"],
  ["facturas/ejemplos/estandar-orden-servicio", ordenServicio, "83300.00"],
  ["facturas/ejemplos/estandar-propina (+ 2,000 surcharge)", propina, "85300.00"],
  ["facturas/ejemplos/redondeo-medios-pago (260,550 paid, −14.81 rounding)", redondeo, "260564.81"],
  ["facturas/tipos-de-factura/estandar", estandar, "83300.00"],
  ["facturas/tipos-de-factura/mandatos", mandatos, "17850.00"],
  ["facturas/tipos-de-factura/ss-cufe", ssCufe, "10000.00"],
  ["facturas/tipos-de-factura/ss-recaudo (1)", ssRecaudo1, "10000.00"],
  ["facturas/tipos-de-factura/ss-recaudo (2)", ssRecaudo2, "10000.00"],
  ["facturas/tipos-de-factura/ss-reporte", ssReporte, "10000.00"],
  ["facturas/tipos-de-factura/ss-sin-aporte", ssSinAporte, "10000.00"],
  ["facturas/tipos-de-factura/transporte", transporte, "2400000.00"],
  ["notas-credito/crear-y-validar", creditNote, "83300.00"],
  ["notas-ajuste-documentos-soporte/crear-validar", adjustmentNote, "119000.00"],
];

/** The two published creates whose payments do not follow the rule (README of fixtures/factus-v2). */
const PAYMENTS_DO_NOT_ADD_UP: [string, Example, string][] = [
  [
    "notas-debito/crear-y-validar (119,000 paid for 70,000 + 13,300 IVA)",
    debitNote,
    "La suma de los medios de pago no coincide con el total del documento. Esperado: 83,300.00 - Enviado: 119,000.00",
  ],
  [
    "documentos-soporte/crear-validar (80,000 paid: the base after the 20 % discount, without the IVA)",
    supportDocument,
    "La suma de los medios de pago no coincide con el total del documento. Esperado: 95,200.00 - Enviado: 80,000.00",
  ],
];

describe("v2 money: published examples", () => {
  it.each(PAYMENTS_ADD_UP)("%s", (_name, example, total) => {
    for (const rounding of ["half-up", "half-even"] as const) {
      const { totals } = computeV2Document(example, rounding);
      expect(v2Amount(totals.total)).toBe(total);
      const check = checkV2Payments(totals.total, example);
      expect(check, check.message).toMatchObject({ ok: true, difference: 0n });
    }
  });

  it.each(PAYMENTS_DO_NOT_ADD_UP)("%s is refused", (_name, example, message) => {
    const check = checkV2Payments(computeV2Document(example).totals.total, example);
    expect(check).toMatchObject({ ok: false, problem: "payments_mismatch", message });
  });

  it("the rounding example's figures, line by line", () => {
    const { lines, taxes, totals } = computeV2Document(redondeo);
    expect(lines.map((line) => [v2Amount(line.base), v2Amount(line.tax_amount)])).toEqual([
      ["175925.93", "14074.07"],
      ["29629.62", "2370.37"],
      ["32407.41", "6157.41"],
    ]);
    expect(
      taxes.map((tax) => [tax.code, tax.rate, v2Amount(tax.taxable_amount), v2Amount(tax.tax_amount)]),
    ).toEqual([
      ["04", "8.00", "205555.55", "16444.44"],
      ["01", "19.00", "32407.41", "6157.41"],
    ]);
    expect(checkV2Payments(totals.total, redondeo)).toMatchObject({
      ok: true,
      paid: 26_055_000n,
      expected: 26_055_000n,
    });
  });

  it("splits totals: excluded items are not taxable, surcharges add, prepayments are reported apart", () => {
    const transport = computeV2Document(transporte).totals;
    expect([transport.gross_amount, transport.taxable_amount, transport.tax_amount]).toEqual([
      202_000_000n,
      200_000_000n,
      38_000_000n,
    ]);
    expect(computeV2Document(propina).totals).toMatchObject({
      surcharge_amount: 200_000n,
      total: 8_530_000n,
    });
    expect(computeV2Document(anticipo).totals).toMatchObject({
      prepayment_amount: 330_000n,
      total: 8_330_000n,
      payable_amount: 8_000_000n,
    });
  });
});

type LineVector = {
  item: V2MoneyItem;
  expected: Record<V2Rounding, { discount: string; base: string; tax: string }>;
};
type DocumentVector = {
  items: V2MoneyItem[];
  expected: Record<V2Rounding, { line_extension: string; tax: string; total: string }>;
};

describe("v2 money: vectors from the research model (v1_price_on_v2.py)", () => {
  const roundings = ["half-up", "half-even"] as const;
  const lines = (vectors.lines as LineVector[]).flatMap((vector) =>
    roundings.map((rounding) => ({ vector, rounding })),
  );
  const documents = (vectors.documents as DocumentVector[]).flatMap((vector) =>
    roundings.map((rounding) => ({ vector, rounding })),
  );

  it("includes ties where half-up and half-even differ", () => {
    const ties = (vectors.lines as LineVector[]).filter(
      ({ expected }) => JSON.stringify(expected["half-up"]) !== JSON.stringify(expected["half-even"]),
    );
    expect(ties.length).toBeGreaterThanOrEqual(10);
  });

  it.each(lines)("line $# ($rounding)", ({ vector, rounding }) => {
    const line = computeV2Line(vector.item, rounding);
    expect({
      discount: v2Amount(line.discount),
      base: v2Amount(line.base),
      tax: v2Amount(line.tax_amount),
    }).toEqual(vector.expected[rounding]);
  });

  it.each(documents)("document $# ($rounding)", ({ vector, rounding }) => {
    const { totals } = computeV2Document({ items: vector.items }, rounding);
    expect({
      line_extension: v2Amount(totals.line_extension_amount),
      tax: v2Amount(totals.tax_amount),
      total: v2Amount(totals.total),
    }).toEqual(vector.expected[rounding]);
  });

  it("the research's worked examples: the official v1 bill sent as S1 items is 90,000.01 on v2", () => {
    const { lines: figures, totals } = computeV2Document({
      items: [
        { price: "42016.81", quantity: "1", discount_amount: "8403.36", taxes: [{ code: "01", rate: "19" }] },
        { price: "47619.05", quantity: "1", taxes: [{ code: "01", rate: "5" }] },
      ],
    });
    expect(figures.map((line) => [v2Amount(line.base), v2Amount(line.tax_amount)])).toEqual([
      ["33613.45", "6386.56"],
      ["47619.05", "2380.95"],
    ]);
    expect(v2Amount(totals.total)).toBe("90000.01");
  });
});

describe("v2 money: rules the examples do not settle (each a documented choice)", () => {
  const taxed = (price: string, quantity = "1", rate = "19"): V2MoneyItem => ({
    price,
    quantity,
    taxes: [{ code: "01", rate }],
  });

  it("rounds a half cent up or to even, as asked", () => {
    // 1.50 × 19 % = 0.285 → 0.29 half-up, 0.28 half-even; 0.10 × 5 % = 0.005 → 0.01 / 0.00.
    expect(computeV2Line(taxed("1.50"), "half-up").tax_amount).toBe(29n);
    expect(computeV2Line(taxed("1.50"), "half-even").tax_amount).toBe(28n);
    expect(computeV2Line(taxed("0.10", "1", "5"), "half-up").tax_amount).toBe(1n);
    expect(computeV2Line(taxed("0.10", "1", "5"), "half-even").tax_amount).toBe(0n);
    expect(computeV2Line(taxed("1.50")).tax_amount).toBe(29n);
  });

  it("rounds price × a 2-decimal quantity to the cent, then taxes that base", () => {
    // 10.05 × 1.50 = 15.075 → 15.08 (half-up) / 15.08 (half-even: 7 is odd → up).
    expect(computeV2Line(taxed("10.05", "1.50"), "half-up").base).toBe(1508n);
    expect(computeV2Line(taxed("10.05", "1.50"), "half-even").base).toBe(1508n);
    expect(computeV2Line(taxed("10.03", "1.50"), "half-even").base).toBe(1504n);
  });

  it("applies a rate discount on the gross, rounded to the cent, before tax", () => {
    const line = computeV2Line({ ...taxed("50000.00", "2.00"), discount_rate: "20.00" });
    expect([line.gross, line.discount, line.base, line.tax_amount]).toEqual([
      10_000_000n,
      2_000_000n,
      8_000_000n,
      1_520_000n,
    ]);
  });

  it("taxes an item once per tax, each rounded on its own", () => {
    const line = computeV2Line({
      price: "1000.05",
      quantity: "1",
      taxes: [
        { code: "01", rate: "19" },
        { code: "35", rate: "15" },
      ],
    });
    expect(line.taxes.map((tax) => tax.tax_amount)).toEqual([19_001n, 15_001n]);
    expect(line.total).toBe(134_007n);
  });

  it("accepts payments off by the cash rounding up to ±500.00, not beyond", () => {
    const items = [taxed("1000.00")];
    const total = computeV2Document({ items }).totals.total;
    expect(
      checkV2Payments(total, { payment_details: [{ amount: "1690" }], cash_rounding_amount: "500" }).ok,
    ).toBe(true);
    expect(
      checkV2Payments(total, { payment_details: [{ amount: 690 }], cash_rounding_amount: -500 }).ok,
    ).toBe(true);
    expect(
      checkV2Payments(total, { payment_details: [{ amount: "1690.01" }], cash_rounding_amount: "500.01" }),
    ).toMatchObject({
      ok: false,
      problem: "cash_rounding_out_of_range",
      message: "El campo cash_rounding_amount debe estar entre -500.00 y 500.00. Enviado: 500.01",
    });
    expect(checkV2Payments(total, { payment_details: [{ amount: "1189.99" }] })).toMatchObject({
      ok: false,
      difference: -1n,
      message:
        "La suma de los medios de pago no coincide con el total del documento. Esperado: 1,190.00 - Enviado: 1,189.99",
    });
  });

  it("refuses inputs v2 does not take", () => {
    expect(() => computeV2Line(taxed("10.005"))).toThrow(V2MoneyError);
    expect(() => computeV2Line(taxed("-1"))).toThrow("item.price: no puede ser negativo");
    expect(() => computeV2Line({ ...taxed("10"), discount_rate: "10", discount_amount: "1" })).toThrow(
      /no ambos/,
    );
    expect(() => computeV2Line({ ...taxed("10"), discount_amount: "10.01" })).toThrow(/supera/);
    expect(() => computeV2Line({ ...taxed("10"), quantity: "0" })).toThrow(/mayor que 0/);
  });

  it("formats money the way Factus' messages show it", () => {
    expect(formatV2Money(4_560_000n)).toBe("45,600.00");
    expect(formatV2Money(-1481n)).toBe("-14.81");
    expect(formatV2Money(5n)).toBe("0.05");
    expect(formatV2Money(123_456_789_012n)).toBe("1,234,567,890.12");
  });
});
