import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { CreateInvoiceRequest } from "../src";
import { factusExample, seedCreateRequest } from "./fixtures";

const issuesOf = (input: unknown) => {
  const result = CreateInvoiceRequest.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
};
const parse = (input: unknown) => {
  const result = CreateInvoiceRequest.safeParse(input);
  if (!result.success)
    throw new Error(`expected to parse, got ${JSON.stringify(result.error.issues, null, 2)}`);
  return result.data;
};

/** The seed request with its check digit fixed: a valid invoice to vary field by field. */
const validInvoice = () => {
  const seed = seedCreateRequest();
  seed.customer.dv = "8";
  return seed;
};

describe("the customer's seed request", () => {
  it("as published (dv 7) fails on customer.dv only, naming the expected digit 8", () => {
    const issues = issuesOf(seedCreateRequest());
    expect(issues, JSON.stringify(issues)).toHaveLength(1);
    expect(issues[0]?.path).toBe("customer.dv");
    expect(issues[0]?.message).toContain("8");
  });

  it("with dv 8 parses and comes out with Factus ids", () => {
    const invoice = parse(validInvoice());
    expect(invoice.customer.municipality_id).toBe(169); // DANE 11001 → Factus 169
    expect(invoice.customer.tribute_id).toBe(18); // DIAN IVA 1 → Factus 18
    expect(invoice.items[0]?.standard_code_id).toBe(1); // DIAN 999 → Factus 1
    expect(invoice).toMatchObject({ document: "01", operation_type: "10", payment_form: "1" });
    expect(invoice.items[0]).toMatchObject({
      price: 1000000,
      tax_rate: 19,
      discount_rate: 0,
      is_excluded: 0,
    });
  });
});

describe("the official Factus example request", () => {
  it('parses (a natural person with company "" and numeric strings)', () => {
    const invoice = parse(factusExample("facturas__crear-y-validar-factura__factura-avanzada.1"));
    expect(invoice.customer).toMatchObject({
      legal_organization_id: 2,
      tribute_id: 21,
      municipality_id: 980,
    });
    expect(invoice.customer.company).toBeUndefined();
    expect(invoice.items[0]?.tax_rate).toBe(19);
    expect(invoice.allowance_charges?.[0]).toMatchObject({ is_surcharge: true, amount: 9000 });
  });
});

type Variation = [
  name: string,
  change: (invoice: ReturnType<typeof validInvoice>) => void,
  failingPath?: string,
];
const variations: Variation[] = [
  ["credit with a due date", (i) => Object.assign(i, { payment_form: "2", payment_due_date: "2030-01-31" })],
  ["credit without a due date", (i) => Object.assign(i, { payment_form: "2" }), "payment_due_date"],
  [
    "due date not a date",
    (i) => Object.assign(i, { payment_form: "2", payment_due_date: "31/01/2030" }),
    "payment_due_date",
  ],
  [
    'document "03" with related documents',
    (i) =>
      Object.assign(i, {
        document: "03",
        related_documents: [{ code: "01", issue_date: "2024-01-01", number: "SETP1" }],
      }),
  ],
  [
    'document "03" without related documents',
    (i) => Object.assign(i, { document: "03" }),
    "related_documents",
  ],
  [
    'operation "11" with scheme_id',
    (i) => {
      i.operation_type = "11";
      i.items[0].scheme_id = "0";
    },
  ],
  [
    'operation "11" without scheme_id',
    (i) => Object.assign(i, { operation_type: "11" }),
    "items.0.scheme_id",
  ],
  ["legal person without company", (i) => delete i.customer.company, "customer.company"],
  [
    "natural person with names",
    (i) => Object.assign(i.customer, { legal_organization_id: 2, names: "Ada Lovelace", company: "" }),
  ],
  [
    "natural person without names",
    (i) => Object.assign(i.customer, { legal_organization_id: 2 }),
    "customer.names",
  ],
  ["NIT without dv", (i) => delete i.customer.dv, "customer.dv"],
  [
    "a natural person with a CC needs no dv",
    (i) =>
      Object.assign(i.customer, {
        identification_document_id: 3,
        dv: undefined,
        legal_organization_id: 2,
        names: "Ana Pérez",
      }),
  ],
  ["observation of 250 characters", (i) => Object.assign(i, { observation: "x".repeat(250) })],
  ["observation of 251 characters", (i) => Object.assign(i, { observation: "x".repeat(251) }), "observation"],
  ["price with 2 decimals", (i) => (i.items[0].price = "1000.25")],
  ["price with 3 decimals", (i) => (i.items[0].price = 1000.255), "items.0.price"],
  ["price of 0", (i) => (i.items[0].price = 0), "items.0.price"],
  ["tax rate with 3 decimals", (i) => (i.items[0].tax_rate = "19.001"), "items.0.tax_rate"],
  ["discount above 100", (i) => (i.items[0].discount_rate = 100.01), "items.0.discount_rate"],
  ["quantity as numeric string", (i) => (i.items[0].quantity = "6")],
  ["fractional quantity", (i) => (i.items[0].quantity = 1.5), "items.0.quantity"],
  ["quantity 0", (i) => (i.items[0].quantity = 0), "items.0.quantity"],
  ["no items", (i) => (i.items = []), "items"],
  ["unknown municipality", (i) => (i.customer.municipality_id = 99999), "customer.municipality_id"],
  ["Factus municipality id", (i) => (i.customer.municipality_id = 980)],
  ["unknown top-level field", (i) => (i.extra = true), ""],
  ["unknown item field", (i) => (i.items[0].colour = "red"), "items.0"],
  ["unknown payment method", (i) => (i.payment_method_code = "99"), "payment_method_code"],
  ["payment method as number", (i) => (i.payment_method_code = 10)],
  ["customer tribute ZZ", (i) => (i.customer.tribute_id = "ZZ")],
  ["customer tribute 7", (i) => (i.customer.tribute_id = 7), "customer.tribute_id"],
  ["standard code 5", (i) => (i.items[0].standard_code_id = 5), "items.0.standard_code_id"],
  ["reference code with a slash", (i) => (i.reference_code = "A/B"), "reference_code"],
  [
    "an allowance discount, which Factus v1 does not offer yet",
    (i) =>
      (i.allowance_charges = [
        { concept_type: "01", is_surcharge: false, reason: "x", base_amount: 1, amount: 5_000_000 },
      ]),
    "allowance_charges.0.concept_type",
  ],
];

describe("conditional rules", () => {
  it.each(variations)("%s", (_, change, failingPath) => {
    const invoice = validInvoice();
    change(invoice);
    const issues = issuesOf(invoice);
    if (failingPath === undefined) expect(issues, JSON.stringify(issues)).toEqual([]);
    else
      expect(
        issues.map((issue) => issue.path),
        JSON.stringify(issues),
      ).toEqual([failingPath]);
  });

  it("names unknown fields in the message instead of dropping them", () => {
    const invoice = validInvoice();
    invoice.discount_code = "X";
    expect(issuesOf(invoice)[0]?.message).toContain("discount_code");
  });

  it("reports the expected DV for a wrong one", () => {
    const invoice = validInvoice();
    invoice.customer.dv = "3";
    expect(issuesOf(invoice)).toEqual([
      { path: "customer.dv", message: expect.stringContaining("es 8, no 3") as unknown as string },
    ]);
  });
});

// Compile-time: the output type carries Factus ids as numbers.
const typed: z.output<typeof CreateInvoiceRequest>["customer"]["tribute_id"] = 18;
void typed;
