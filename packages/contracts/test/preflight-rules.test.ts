import { describe, expect, it } from "vitest";
import { CreateInvoiceRequest, colombiaToday, dianRuleViolations, FactusBillRequest } from "../src";
import { seedCreateRequest } from "./fixtures";

// Every pre-flight rule with a request that passes and one that fails, the failing one naming its field. Where the
// rule is Factus' own, FactusBillRequest (what the emulator and the client check) refuses it too; where it is DIAN's,
// dianRuleViolations (what the emulator rejects after numbering) finds it.

// biome-ignore lint/suspicious/noExplicitAny: requests are edited field by field
type Invoice = any;
const valid = (): Invoice => {
  const seed = seedCreateRequest();
  seed.customer.dv = "8";
  return seed;
};
const daysFromToday = (days: number) =>
  new Date(Date.parse(`${colombiaToday()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const issuesOf = (invoice: Invoice) => {
  const result = CreateInvoiceRequest.safeParse(invoice);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

type Rule = [
  rule: string,
  owner: "Factus" | "DIAN",
  passing: (invoice: Invoice) => void,
  failing: (invoice: Invoice) => void,
  field: string,
];

const RULES: Rule[] = [
  [
    "customer e-mail well-formed",
    "Factus",
    (i) => (i.customer.email = "compras@acme.com.co"),
    (i) => (i.customer.email = "compras at acme"),
    "customer.email",
  ],
  [
    "due date not before the issue date",
    "DIAN",
    (i) => Object.assign(i, { payment_form: "2", payment_due_date: daysFromToday(30) }),
    (i) => Object.assign(i, { payment_form: "2", payment_due_date: daysFromToday(-1) }),
    "payment_due_date",
  ],
  [
    "credit sale with a due date",
    "Factus",
    (i) => Object.assign(i, { payment_form: "2", payment_due_date: daysFromToday(30) }),
    (i) => Object.assign(i, { payment_form: "2" }),
    "payment_due_date",
  ],
  [
    "a legal person identified by NIT",
    "DIAN",
    (i) =>
      Object.assign(i.customer, { identification_document_id: 10, dv: undefined, identification: "X123" }),
    (i) => Object.assign(i.customer, { identification_document_id: 3, dv: undefined }),
    "customer.identification_document_id",
  ],
  [
    "digits only for a CC",
    "DIAN",
    (i) =>
      Object.assign(i.customer, { identification_document_id: 3, legal_organization_id: 2, names: "Ana" }),
    (i) =>
      Object.assign(i.customer, {
        identification_document_id: 3,
        legal_organization_id: 2,
        names: "Ana",
        identification: "90-123",
      }),
    "customer.identification",
  ],
  [
    "the NIT check digit (FAK24)",
    "DIAN",
    (i) => (i.customer.dv = "8"),
    (i) => (i.customer.dv = "7"),
    "customer.dv",
  ],
  [
    "IVA at 0, 5 or 19 %",
    "DIAN",
    (i) => (i.items[0].tax_rate = 5),
    (i) => (i.items[0].tax_rate = 12),
    "items.0.tax_rate",
  ],
  [
    "INC at 2, 4, 8 or 16 %",
    "DIAN",
    (i) => Object.assign(i.items[0], { tribute_id: 4, tax_rate: 8 }),
    (i) => Object.assign(i.items[0], { tribute_id: 4, tax_rate: 19 }),
    "items.0.tax_rate",
  ],
  [
    "an excluded item at rate 0",
    "DIAN",
    (i) => Object.assign(i.items[0], { is_excluded: 1, tax_rate: 0 }),
    (i) => Object.assign(i.items[0], { is_excluded: 1, tax_rate: 19 }),
    "items.0.tax_rate",
  ],
  [
    "an item's tribute is a tax, not a withholding",
    "Factus",
    (i) => (i.items[0].withholding_taxes = [{ code: "06", withholding_tax_rate: 2.5 }]),
    (i) => (i.items[0].tribute_id = 6),
    "items.0.tribute_id",
  ],
  [
    "scheme 1 (mandate) names the mandate",
    "Factus",
    (i) =>
      Object.assign(i.items[0], {
        scheme_id: "1",
        mandate: { identification_document_id: 6, identification: "900825759" },
      }),
    (i) => (i.items[0].scheme_id = "1"),
    "items.0.mandate",
  ],
  [
    "no 100 % line discount",
    "DIAN",
    (i) => (i.items[0].discount_rate = 99.99),
    (i) => (i.items[0].discount_rate = 100),
    "items.0.discount_rate",
  ],
  [
    "allowance charges only as Factus v1 offers them (03, a surcharge)",
    "Factus",
    (i) =>
      (i.allowance_charges = [
        { concept_type: "03", is_surcharge: true, reason: "Propina", base_amount: 100, amount: 10 },
      ]),
    (i) =>
      (i.allowance_charges = [
        { concept_type: "00", is_surcharge: false, reason: "Pronto pago", base_amount: 100, amount: 10 },
      ]),
    "allowance_charges.0.concept_type",
  ],
  [
    "a known municipality",
    "Factus",
    (i) => (i.customer.municipality_id = 5001),
    (i) => (i.customer.municipality_id = 99_999),
    "customer.municipality_id",
  ],
];

describe.each(RULES)("%s (%s)", (_, owner, passing, failing, field) => {
  it("passes when kept", () => {
    const invoice = valid();
    passing(invoice);
    expect(issuesOf(invoice)).toEqual([]);
  });

  it(`fails on ${field} when broken, and only there`, () => {
    const invoice = valid();
    failing(invoice);
    expect(issuesOf(invoice)).toEqual([field]);
  });

  it(owner === "Factus" ? "Factus refuses it before numbering" : "DIAN rejects it after numbering", () => {
    const invoice = valid();
    failing(invoice);
    const factusIssues = FactusBillRequest.safeParse(invoice);
    if (owner === "Factus") expect(factusIssues.success).toBe(false);
    else {
      const parsed = FactusBillRequest.parse(invoice);
      expect(dianRuleViolations(parsed).map((violation) => violation.path.join("."))).toEqual([field]);
    }
  });
});

it("keeps the seed example's single error: customer.dv, expected 8", () => {
  expect(issuesOf(seedCreateRequest())).toEqual(["customer.dv"]);
});
