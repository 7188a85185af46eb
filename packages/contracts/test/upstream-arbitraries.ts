import fc from "fast-check";
import { CreateInvoiceRequest, type CreateInvoiceRequestInput, formatCents } from "../src";
import { seedCreateRequest } from "./fixtures";

// Random public invoices for the property tests of the price modes and upstream versions: the published rates
// (IVA 0/5/19, INC 2/4/8/16), excluded items, discounts, quantities, withholdings and tip surcharges (concept 03).

const money = (min: number, max: number) =>
  fc.integer({ min, max }).map((cents) => formatCents(BigInt(cents)));

const price = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((hundreds) => hundreds * 100), // round prices: multiples of 100 pesos
  fc.integer({ min: 1, max: 2_000_000 }), // whole pesos
  money(1, 500_000_000), // any cents
);

const quantity = fc.oneof(
  { weight: 6, arbitrary: fc.constant(1) },
  { weight: 3, arbitrary: fc.integer({ min: 2, max: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: 11, max: 100 }) },
);

const discount = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constantFrom(5, 10, 12.5, 15, 20, 33.33) },
  { weight: 1, arbitrary: money(1, 5_000).map(Number) },
);

const tax = fc.oneof(
  fc.constantFrom(0, 5, 19, 19, 19).map((rate) => ({ tribute_id: 1, tax_rate: rate, is_excluded: 0 })),
  fc.constantFrom(2, 4, 8, 16).map((rate) => ({ tribute_id: 4, tax_rate: rate, is_excluded: 0 })),
  fc.constant({ tribute_id: 1, tax_rate: 0, is_excluded: 1 }),
);

const withholdings = fc.oneof(
  { weight: 3, arbitrary: fc.constant([]) },
  {
    weight: 1,
    arbitrary: fc.uniqueArray(
      fc.record({ code: fc.constantFrom("05", "06"), withholding_tax_rate: money(1, 2_000).map(Number) }),
      { minLength: 1, maxLength: 2, selector: (entry) => entry.code },
    ),
  },
);

const item = fc
  .record({ price, quantity, discount_rate: discount, tax, withholding_taxes: withholdings })
  .map(({ tax: taxFields, ...rest }) => ({
    code_reference: "P",
    name: "Producto",
    unit_measure_id: 70,
    standard_code_id: 1,
    ...taxFields,
    ...rest,
  }));

const surcharge = money(1, 5_000_000).map((amount) => ({
  concept_type: "03",
  is_surcharge: true,
  reason: "Propina",
  base_amount: amount,
  amount,
}));

/** A parsed public invoice (customer: the seed's, with its check digit fixed and a real address). */
export const publicInvoice = fc
  .record({
    prices_include_tax: fc.boolean(),
    items: fc.array(item, { minLength: 1, maxLength: 8 }),
    allowance_charges: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(surcharge, { minLength: 1, maxLength: 2 }) },
    ),
  })
  .map((fields) => {
    const seed = seedCreateRequest();
    seed.customer.dv = "8";
    seed.customer.email = "compras@acme.com.co";
    const request: CreateInvoiceRequestInput = {
      ...seed,
      ...fields,
      items: fields.items.map((entry, index) => ({ ...entry, code_reference: `P-${index}` })),
    };
    return CreateInvoiceRequest.parse(request);
  });
