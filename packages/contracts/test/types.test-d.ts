import { expectTypeOf, test } from "vitest";
import type * as z from "zod";
import {
  type CreatedInvoice,
  type CreateInvoiceRequest,
  computeInvoiceTotals,
  type ERROR_CATALOG,
  type ErrorCode,
  type ErrorEnvelope,
  type FactusBill,
  type FactusBillResponse,
  type InvoiceTotals,
  nitCheckDigit,
} from "../src";

test("inferred request types carry normalized Factus ids", () => {
  expectTypeOf<CreateInvoiceRequest["customer"]["tribute_id"]>().toEqualTypeOf<18 | 21>();
  expectTypeOf<CreateInvoiceRequest["items"][number]["standard_code_id"]>().toEqualTypeOf<number>();
  expectTypeOf<CreateInvoiceRequest["document"]>().toEqualTypeOf<"01" | "03">();
  expectTypeOf<CreateInvoiceRequest["payment_form"]>().toEqualTypeOf<"1" | "2">();
});

test("a create request is a valid totals input", () => {
  expectTypeOf(computeInvoiceTotals).parameter(0).toExtend<{ items: readonly unknown[] }>();
  expectTypeOf<CreateInvoiceRequest>().toExtend<Parameters<typeof computeInvoiceTotals>[0]>();
  expectTypeOf(computeInvoiceTotals).returns.toEqualTypeOf<InvoiceTotals>();
  expectTypeOf(nitCheckDigit).returns.toEqualTypeOf<number>();
});

test("error envelope codes are the catalog's keys", () => {
  expectTypeOf<ErrorEnvelope["error"]["code"]>().toEqualTypeOf<ErrorCode>();
  expectTypeOf<keyof typeof ERROR_CATALOG>().toEqualTypeOf<ErrorCode>();
  expectTypeOf<CreatedInvoice["status"]>().toEqualTypeOf<"success" | "pending">();
});

test("Factus responses parse to typed data", () => {
  expectTypeOf<z.output<typeof FactusBillResponse>["data"]>().toEqualTypeOf<FactusBill>();
  expectTypeOf<FactusBill["bill"]["total"]>().toEqualTypeOf<string>();
  expectTypeOf<FactusBill["bill"]["errors"]>().toEqualTypeOf<string[]>();
});
