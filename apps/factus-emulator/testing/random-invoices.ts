import { type CreateInvoiceRequestInput, formatCents } from "@factus-edge/contracts";

// Random public invoices from a seeded generator, so a failure replays: the published rates (IVA 0/5/19, INC
// 2/4/8/16), excluded items, discounts, withholdings (ReteIVA, ReteRenta) and tips. The emulator's own property test
// and the edge's preview == issued suite draw from it.

/** mulberry32: a small seeded generator, so a failure replays. */
export function random(seed: number) {
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

export type Random = ReturnType<typeof random>;
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

export function randomInvoice(rng: Random, index: number): CreateInvoiceRequestInput {
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
