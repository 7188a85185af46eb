import { describe, expect, it } from "vitest";
import {
  CreateCreditNoteRequest,
  CreateInvoiceRequest,
  type CreateInvoiceRequestInput,
  computeInvoiceTotals,
  toFactusV2Bill,
  toFactusV2CreditNote,
} from "../src";
import { FactusV2BillRequest, FactusV2CreditNoteRequest } from "../src/factus-v2";
import { factusExample, seedCreateRequest } from "./fixtures";

// toFactusV2Bill / toFactusV2CreditNote: the public request in Factus v2's terms (research §3), checked against the
// contracts' own v2 request schemas, and what v2 cannot carry refused on the public field's path.

/** The seed request with its check digit fixed and a real address for the docs' obfuscated one (as the API's own
 * example does): v2 checks e-mails, and the placeholder is refused (tested below). */
const seedRequest = () => {
  const request = seedCreateRequest();
  request.customer.dv = "8";
  request.customer.email = "compras@acme.com.co";
  return request;
};
const seed = (extra: Partial<CreateInvoiceRequestInput> = {}) =>
  CreateInvoiceRequest.parse({ ...seedRequest(), ...extra });

/** The official v1 example, with real addresses where the published page shows Cloudflare's placeholder. */
const officialV1 = (change: (request: ReturnType<typeof factusExample>) => void = () => {}) => {
  const request = factusExample("facturas__crear-y-validar-factura__factura-avanzada.1");
  request.customer.email = "alan@example.com";
  request.establishment.email = "tienda@example.com";
  change(request);
  return CreateInvoiceRequest.parse(request);
};

const mapped = (request: ReturnType<typeof seed>) => {
  const result = toFactusV2Bill(request);
  if (!result.ok) throw new Error(`expected a v2 body, got ${JSON.stringify(result.issues)}`);
  const parsed = FactusV2BillRequest.safeParse(result.body);
  if (!parsed.success) throw new Error(`v2 schema refused the body: ${JSON.stringify(parsed.error.issues)}`);
  return result;
};

describe("the seed invoice on v2", () => {
  it("net prices (seed 004's reading): 1,000,000 + 190,000, paid 1,190,000.00", () => {
    const { body, totals } = mapped(seed({ prices_include_tax: false }));
    expect(body).toEqual({
      reference_code: "INV-2024-001",
      document: "01",
      operation_type: "10",
      payment_details: [{ payment_form: "1", payment_method_code: "10", amount: "1190000.00" }],
      customer: {
        identification_document_code: "31",
        identification: "900123456",
        dv: "8",
        legal_organization_code: "1",
        tribute_code: "01",
        company: "Acme Corporation S.A.S.",
        address: "Calle 123 #45-67",
        email: "compras@acme.com.co",
        phone: "3001234567",
        country_code: "CO",
        municipality_code: "11001",
      },
      items: [
        {
          code_reference: "PROD-001",
          name: "Software License",
          quantity: "1.00",
          price: "1000000.00",
          unit_measure_code: "94",
          standard_code: "999",
          taxes: [{ code: "01", rate: "19.00" }],
        },
      ],
    });
    expect(totals.bill).toMatchObject({
      gross_value: "1000000.00",
      tax_amount: "190000.00",
      total: "1190000.00",
    });
    expect(totals.rounding).toBeUndefined();
  });

  it("tax-inclusive prices (the default): net 840,336.13, paid v2's own 999,999.99 (no cash rounding to hide it)", () => {
    const { body, totals } = mapped(seed());
    expect(body.items[0]).toMatchObject({ price: "840336.13", quantity: "1.00" });
    expect(body.items[0]).not.toHaveProperty("discount_amount");
    expect(body.payment_details).toEqual([
      { payment_form: "1", payment_method_code: "10", amount: "999999.99" },
    ]);
    expect(body).not.toHaveProperty("cash_rounding_amount");
    expect(totals.rounding?.difference).toBe("-0.01");
  });
});

describe("the official v1 example on v2", () => {
  it("S1 prices, the tip as concept 03, payments = 99,000.01, withholdings carried", () => {
    const { body, totals } = mapped(officialV1());
    expect(
      body.items.map(({ price, discount_amount, taxes }) => ({ price, discount_amount, taxes })),
    ).toEqual([
      { price: "42016.81", discount_amount: "8403.36", taxes: [{ code: "01", rate: "19.00" }] },
      { price: "47619.05", discount_amount: undefined, taxes: [{ code: "01", rate: "5.00" }] },
    ]);
    expect(body.items[0]?.withholding_taxes).toEqual([
      { code: "06", rate: "7.38" },
      { code: "05", rate: "15.12" },
    ]);
    expect(body.allowance_charges).toEqual([
      {
        concept_type: "03",
        is_surcharge: true,
        reason: "Propina",
        base_amount: "90000.00",
        amount: "9000.00",
      },
    ]);
    expect(body.payment_details[0]?.amount).toBe("99000.01");
    expect(body.establishment).toMatchObject({ municipality_code: "68679", email: "tienda@example.com" });
    expect(body.customer).toMatchObject({
      identification_document_code: "13",
      legal_organization_code: "2",
      tribute_code: "ZZ",
    });
    expect(totals.bill.gross_value).toBe(computeInvoiceTotals(officialV1()).bill.gross_value);
  });

  it("the seed as published: its placeholder e-mail is refused on customer.email", () => {
    const request = seedCreateRequest();
    request.customer.dv = "8";
    const result = toFactusV2Bill(CreateInvoiceRequest.parse(request));
    expect(!result.ok && result.issues).toEqual([
      { path: ["customer", "email"], message: expect.stringContaining("correo electrónico válido") },
    ]);
  });

  it("as published, its placeholder e-mails are refused on their paths (v2 checks addresses)", () => {
    const request = CreateInvoiceRequest.parse(
      factusExample("facturas__crear-y-validar-factura__factura-avanzada.1"),
    );
    const result = toFactusV2Bill(request);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path.join("."))).toEqual([
      "customer.email",
      "establishment.email",
    ]);
  });
});

describe("what v2 cannot carry is refused on the public path, never dropped", () => {
  const pathsOf = (request: ReturnType<typeof seed>) => {
    const result = toFactusV2Bill(request);
    return result.ok ? [] : result.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };
  const withItem = (item: object) => {
    const request = seedRequest();
    return CreateInvoiceRequest.parse({ ...request, items: [{ ...request.items[0], ...item }] });
  };

  it.each([
    ["an item tribute other than IVA/INC (IC, 2)", { tribute_id: 2, tax_rate: 0 }, "items.0.tribute_id"],
    [
      "ReteICA (07)",
      { withholding_taxes: [{ code: "07", withholding_tax_rate: 1 }] },
      "items.0.withholding_taxes.0.code",
    ],
    ["a unit with no v2 code", { unit_measure_id: 5000 }, "items.0.unit_measure_id"],
  ])("%s", (_, item, path) => {
    const issues = pathsOf(withItem(item));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${path.replaceAll(".", "\\.")}: .*v2`));
  });

  it("an allowance concept other than 03 (the public schema refuses it already; the mapper too)", () => {
    const request = seed();
    const result = toFactusV2Bill({
      ...request,
      allowance_charges: [
        { concept_type: "00", is_surcharge: false, reason: "x", base_amount: 1, amount: 1 },
      ],
    });
    expect(!result.ok && result.issues[0]?.path).toEqual(["allowance_charges", 0, "concept_type"]);
  });

  it("maps what it can: INC, excluded items, exempt 0 %, mandates, credit with a due date, the head fields", () => {
    const request = seedRequest();
    const item = request.items[0];
    const invoice = CreateInvoiceRequest.parse({
      ...request,
      numbering_range_id: 8,
      operation_type: "11",
      payment_form: "2",
      payment_method_code: "47",
      payment_due_date: "2099-01-31",
      send_email: false,
      observation: "obs",
      order_reference: { reference_code: "OC-1", issue_date: "2026-01-02" },
      billing_period: { start_date: "2026-01-01", end_date: "2026-01-31" },
      establishment: {
        name: "T",
        address: "A",
        phone_number: "1",
        email: "t@example.com",
        municipality_id: 980,
      },
      items: [
        { ...item, tribute_id: 4, tax_rate: 8, scheme_id: "0" },
        { ...item, is_excluded: 1, tax_rate: 0, scheme_id: "0" },
        {
          ...item,
          tax_rate: 0,
          scheme_id: "1",
          mandate: { identification_document_id: 3, identification: "123" },
        },
      ],
    });
    const { body } = mapped(invoice);
    expect(body).toMatchObject({
      numbering_range_id: 8,
      operation_type: "11",
      send_email: false,
      observation: "obs",
      order_reference: { reference_code: "OC-1", issue_date: "2026-01-02" },
      billing_period: { start_date: "2026-01-01", end_date: "2026-01-31" },
      establishment: { municipality_code: "68679" },
      payment_details: [{ payment_form: "2", payment_method_code: "47", due_date: "2099-01-31" }],
    });
    expect(body.items.map((entry) => entry.taxes)).toEqual([
      [{ code: "04", rate: "8.00" }],
      [{ is_excluded: true }],
      [{ code: "01", rate: "0.00" }],
    ]);
    expect(body.items[2]).toMatchObject({
      scheme_id: "1",
      mandate: { identification_document_code: "13", identification: "123" },
    });
  });
});

describe("toFactusV2CreditNote", () => {
  const example = factusExample("notas-credito__crear-y-validar.1");
  const note = (extra: object = {}) =>
    CreateCreditNoteRequest.parse({
      correction_concept_code: "2",
      reference_code: "NC-1",
      payment_method_code: "10",
      items: example.items,
      ...extra,
    });

  it("with an invoice: bill_number, customization 20, the customer left to v2 (taken from the bill)", () => {
    const result = toFactusV2CreditNote(note({ invoice_number: "SETP990000001" }));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(FactusV2CreditNoteRequest.safeParse(result.body).error?.issues).toBeUndefined();
    expect(result.body).toMatchObject({ bill_number: "SETP990000001", customization_id: "20" });
    expect(result.body).not.toHaveProperty("customer");
    expect(result.body.payment_details).toEqual([
      { payment_form: "1", payment_method_code: "10", amount: result.totals.bill.total },
    ]);
  });

  it("without one: customization 22 with its customer and billing period", () => {
    const customer = seed().customer;
    const result = toFactusV2CreditNote(
      note({
        customer: { ...customer, municipality_id: 169 },
        billing_period: { start_date: "2026-01-01", end_date: "2026-01-31" },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(FactusV2CreditNoteRequest.safeParse(result.body).error?.issues).toBeUndefined();
    expect(result.body).toMatchObject({ customization_id: "22", customer: { municipality_code: "11001" } });
  });
});
