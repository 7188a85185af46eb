import { random, randomInvoice } from "factus-emulator/testing/random-invoices";
import { describe, expect, it } from "vitest";
import { api, expectStatus, FACTUS_VERSIONS, newSession } from "../helpers";

// Preview == issued, through the edge, on both Factus versions and both price modes: what POST /invoices/preview
// promises (contracts' arithmetic) is, to the cent, what the issued legal document says (the emulator's own
// arithmetic, written apart from the contracts' for v2). Random invoices from the emulator kit's seeded generator:
// the published rates, excluded items, discounts, withholdings and tips. 4 × 125 = 500 invoices.

const INVOICES_PER_CASE = 125;
const SEEDS = { v1: { true: 20261203, false: 20261204 }, v2: { true: 20261205, false: 20261206 } } as const;

const cents = (value: number) => BigInt(Math.round(value * 100));

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  it.each([true, false] as const)(
    `prices_include_tax %s: ${INVOICES_PER_CASE} random invoices, preview totals == issued totals`,
    async (pricesIncludeTax) => {
      const session = await newSession({ factusVersion });
      const rng = random(SEEDS[factusVersion][`${pricesIncludeTax}`]);
      let differing = 0;
      let largest = 0n;
      for (let index = 0; index < INVOICES_PER_CASE; index++) {
        const invoice = {
          ...randomInvoice(rng, index),
          prices_include_tax: pricesIncludeTax,
          reference_code: `PROP-${crypto.randomUUID().slice(0, 20)}`,
        };
        const context = JSON.stringify(invoice);
        const preview = (
          await expectStatus(await api(session, "/invoices/preview", { method: "POST", body: invoice }), 200)
        ).data;
        expect(preview.factus_api_version).toBe(factusVersion);
        const created = await expectStatus(
          await api(session, "/invoices", { method: "POST", body: invoice }),
          201,
        );
        const detail = (await expectStatus(await api(session, `/invoices/${created.data.number}`), 200)).data
          .data;

        expect(created.data.total, context).toBe(preview.bill.total);
        expect(created.data.rounding, context).toEqual(preview.rounding);
        expect(detail.bill, context).toMatchObject(preview.bill);
        expect(detail.items, context).toEqual(preview.items);
        if (preview.rounding) {
          differing++;
          const difference = cents(Math.abs(preview.rounding.difference));
          if (difference > largest) largest = difference;
        }
      }
      console.log(
        `preview == issued, Factus ${factusVersion}, prices_include_tax ${pricesIncludeTax}: ${differing} of ` +
          `${INVOICES_PER_CASE} issued totals differ from what the prices imply, largest ${Number(largest) / 100}`,
      );
    },
    900_000,
  );
});
