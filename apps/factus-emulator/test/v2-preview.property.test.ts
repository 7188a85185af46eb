import { CreateInvoiceRequest, computeInvoiceTotals, toFactusV2Bill } from "@factus-edge/contracts";
import { FactusV2BillRequest } from "@factus-edge/contracts/factus-v2";
import { describe, expect, it } from "vitest";
import { checkV2Payments, computeV2Document, v2Amount } from "../src/v2/money";
import { random, randomInvoice } from "../testing/random-invoices";

// "Preview == issued" for Factus v2 accounts: the total the contracts promise a caller
// (`computeInvoiceTotals(request, { upstream: "v2" })`) equals, to the cent, the total this emulator's own v2
// arithmetic (src/v2/money.ts, written apart from the contracts) computes for the body the gateway sends
// (`toFactusV2Bill(request)`), and that body passes the emulator's payment check. Random public invoices from a
// seeded generator (this package has no fast-check), both price modes.

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
