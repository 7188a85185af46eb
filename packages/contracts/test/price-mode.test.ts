import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  CreateCreditNoteRequest,
  CreateInvoiceRequest,
  computeInvoiceTotals,
  FactusBillRequest,
  toFactusV1Prices,
} from "../src";
import { factusExample, seedCreateRequest } from "./fixtures";

// The public `prices_include_tax` field: absent changes nothing; false means net prices, which Factus v1 is sent
// as the tax-inclusive prices `computeInvoiceTotals(…, { upstream: "v1" })` computes with.

const seedInvoice = (extra: object = {}) => {
  const seed = seedCreateRequest();
  seed.customer.dv = "8";
  return CreateInvoiceRequest.parse({ ...seed, ...extra });
};

describe("prices_include_tax on CreateInvoiceRequest", () => {
  it("absent: the parsed request has no such key, exactly as before the field existed", () => {
    const invoice = seedInvoice();
    expect("prices_include_tax" in invoice).toBe(false);
    expect(toFactusV1Prices(invoice)).toEqual(invoice);
  });

  it.each([
    [false, false],
    [true, true],
    [0, false],
    [1, true],
  ])("accepts %s as %s", (sent, parsed) => {
    expect(seedInvoice({ prices_include_tax: sent }).prices_include_tax).toBe(parsed);
  });

  it("refuses anything else, and unknown fields are still refused", () => {
    const seed = seedCreateRequest();
    seed.customer.dv = "8";
    const bad = CreateInvoiceRequest.safeParse({ ...seed, prices_include_tax: "no" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["prices_include_tax"]);
    const unknown = CreateInvoiceRequest.safeParse({ ...seed, prices_include_taxes: false });
    expect(unknown.error?.issues[0]?.message).toContain("prices_include_taxes");
  });

  it("is not a Factus v1 field: v1's own request refuses it", () => {
    expect(FactusBillRequest.safeParse({ ...seedInvoice(), prices_include_tax: true }).success).toBe(false);
  });

  it("is documented (Spanish description) in the JSON schema the OpenAPI document is built from", () => {
    const schema = z.toJSONSchema(CreateInvoiceRequest, { io: "input", unrepresentable: "any" });
    const invoice = (schema.$defs as Record<string, z.core.JSONSchema.JSONSchema>).CreateInvoiceRequest;
    const field = invoice?.properties?.prices_include_tax as { description?: string } | undefined;
    expect(field?.description).toContain("precio es neto");
    expect(invoice?.required).not.toContain("prices_include_tax");
  });
});

describe("toFactusV1Prices: the v1 body of a net-priced request", () => {
  it("seed 004 read as net: 1,190,000.00 tax-inclusive, a v1 body that totals 1,190,000", () => {
    const body = toFactusV1Prices(seedInvoice({ prices_include_tax: false }));
    expect("prices_include_tax" in body).toBe(false);
    expect(body.items[0]?.price).toBe(1190000);
    expect(FactusBillRequest.safeParse(body).success).toBe(true);
    expect(computeInvoiceTotals(body).bill.total).toBe("1190000.00");
  });

  it("true: only the flag goes", () => {
    const invoice = seedInvoice({ prices_include_tax: true });
    const { prices_include_tax: _, ...rest } = invoice;
    expect(toFactusV1Prices(invoice)).toEqual(rest);
  });
});

describe("prices_include_tax on CreateCreditNoteRequest", () => {
  it("is accepted, and absent by default", () => {
    const example = factusExample("notas-credito__crear-y-validar.1");
    const note = {
      invoice_number: "SETP990000001",
      correction_concept_code: "2",
      reference_code: "NC-1",
      items: example.items,
    };
    expect("prices_include_tax" in CreateCreditNoteRequest.parse(note)).toBe(false);
    expect(CreateCreditNoteRequest.parse({ ...note, prices_include_tax: false }).prices_include_tax).toBe(
      false,
    );
  });
});
