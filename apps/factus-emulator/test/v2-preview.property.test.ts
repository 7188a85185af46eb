import {
  CreateInvoiceRequest,
  type CreateInvoiceRequestInput,
  computeInvoiceTotals,
  formatCents,
  toFactusV2Bill,
} from "@factus-edge/contracts";
import { FactusV2BillRequest } from "@factus-edge/contracts/factus-v2";
import { describe, expect, it } from "vitest";
import { checkV2Payments, computeV2Document, v2Amount } from "../src/v2/money";

// "Preview == issued" for Factus v2 accounts: the total the contracts promise a caller
// (`computeInvoiceTotals(request, { upstream: "v2" })`) equals, to the cent, the total this emulator's own v2
// arithmetic (src/v2/money.ts, written apart from the contracts) computes for the body the gateway sends
// (`toFactusV2Bill(request)`), and that body passes the emulator's payment check. Random public invoices from a
// seeded generator (this package has no fast-check), both price modes.

/** mulberry32: a small seeded generator, so a failure replays. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)] as T;
  return { next, int, pick };
}

type Random = ReturnType<typeof random>;
const cents = (value: number) => formatCents(BigInt(value));

const TAXES = [
  ...[0, 5, 19, 19, 19].map((rate) => ({ tribute_id: 1, tax_rate: rate, is_excluded: 0 })),
  ...[2, 4, 8, 16].map((rate) => ({ tribute_id: 4, tax_rate: rate, is_excluded: 0 })),
  { tribute_id: 1, tax_rate: 0, is_excluded: 1 },
];

function randomItem(rng: Random, index: number) {
  const kind = rng.next();
  const price =
    kind < 0.35
      ? rng.int(1, 20_000) * 100
      : kind < 0.6
        ? rng.int(1, 2_000_000)
        : cents(rng.int(1, 500_000_000));
  const size = rng.next();
  const quantity = size < 0.6 ? 1 : size < 0.9 ? rng.int(2, 10) : rng.int(11, 100);
  const discounted = rng.next() < 0.3;
  const discount_rate = !discounted
    ? 0
    : rng.next() < 0.5
      ? rng.pick([5, 10, 12.5, 15, 20, 33.33])
      : Number(cents(rng.int(1, 5_000)));
  const withholding_taxes =
    rng.next() < 0.2
      ? [{ code: rng.pick(["05", "06"]), withholding_tax_rate: Number(cents(rng.int(1, 2_000))) }]
      : [];
  return {
    code_reference: `P-${index}`,
    name: "Producto",
    quantity,
    price,
    discount_rate,
    unit_measure_id: 70,
    standard_code_id: 1,
    ...rng.pick(TAXES),
    withholding_taxes,
  };
}

function randomInvoice(rng: Random, index: number): CreateInvoiceRequestInput {
  const tip = rng.next() < 0.25 ? cents(rng.int(1, 5_000_000)) : undefined;
  return {
    reference_code: `PREVIEW-${index}`,
    customer: {
      identification_document_id: 3,
      identification: "1234567890",
      names: "Cliente de prueba",
      email: "cliente@example.com",
      legal_organization_id: 2,
      tribute_id: 21,
      municipality_id: 980,
    },
    items: Array.from({ length: rng.int(1, 8) }, (_, item) => randomItem(rng, item)),
    ...(tip && {
      allowance_charges: [
        { concept_type: "03", is_surcharge: true, reason: "Propina", base_amount: tip, amount: tip },
      ],
    }),
  };
}

const INVOICES = 1_000;

describe("v2 preview == v2 issued (contracts vs the emulator's own arithmetic)", () => {
  it.each([true, false])(
    `prices_include_tax %s: ${INVOICES} random invoices, equal totals to the cent and payments that add up`,
    (pricesIncludeTax) => {
      const rng = random(pricesIncludeTax ? 20261124 : 20261125);
      let drifting = 0;
      for (let index = 0; index < INVOICES; index++) {
        const request = CreateInvoiceRequest.parse({
          ...randomInvoice(rng, index),
          prices_include_tax: pricesIncludeTax,
        });
        const preview = computeInvoiceTotals(request, { upstream: "v2" });
        const mapped = toFactusV2Bill(request);
        if (!mapped.ok) throw new Error(`not mappable: ${JSON.stringify(mapped.issues)}`);
        const body = FactusV2BillRequest.parse(mapped.body);
        const issued = computeV2Document(body).totals;
        const context = JSON.stringify({ request, body, preview });

        expect(v2Amount(issued.total), context).toBe(preview.bill.total);
        expect(v2Amount(issued.line_extension_amount), context).toBe(preview.bill.gross_value);
        expect(v2Amount(issued.tax_amount), context).toBe(preview.bill.tax_amount);
        expect(v2Amount(issued.surcharge_amount), context).toBe(preview.bill.surcharge_amount);
        const payments = checkV2Payments(issued.total, body);
        expect(payments.ok, payments.message).toBe(true);
        if (preview.rounding) drifting++;
      }
      console.log(
        `prices_include_tax ${pricesIncludeTax}: ${drifting} of ${INVOICES} invoices carry a rounding report`,
      );
    },
  );
});
