import { isV2Rejection, normalizeV2Errors } from "@factus-edge/contracts/factus-v2";
import { describe, expect, it } from "vitest";
import { api, exampleV2Bill, expectStatus, faultHeaders, json, newV2Account } from "./helpers";
import * as examples from "./v2-examples";

// Where Factus v2's docs are silent or contradict themselves, the emulator has a default (README, "known
// differences") and a per-account switch for the other reading.

const create = (token: string, body: unknown, fault?: string) =>
  api(token, "/v2/bills/validate", { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });
const wrongDv = () => exampleV2Bill({ customer: { ...exampleV2Bill().customer, dv: "7" } });

describe("v2 settings", () => {
  it("v2_rejected_create: 201 with is_validated false and the Rechazo, instead of 422", async () => {
    const { account, token } = await newV2Account("rejected-201");
    expect((await create(token, wrongDv())).status).toBe(422);
    await account.settings({ v2_rejected_create: "201", v2_rejection_blocks_range: false });
    const body = await expectStatus(await create(token, wrongDv()), 201);
    expect(body.data.is_validated).toBe(false);
    expect(isV2Rejection(body.data)).toBe(true);
    expect(body.data.errors.FAK24).toMatch(/^Regla: FAK24, Rechazo:/);
  });

  it("v2_errors_shape: a list of texts instead of an object keyed by rule", async () => {
    const { account, token } = await newV2Account("errors-array");
    await account.settings({ v2_errors_shape: "array" });
    const body = await expectStatus(await create(token, exampleV2Bill(), "dian-notification"), 201);
    expect(body.data.errors).toEqual([expect.stringMatching(/^Regla: FAJ43b, Notificación:/)]);
    expect(normalizeV2Errors(body.data.errors)).toEqual([expect.stringMatching(/^FAJ43b: Notificación:/)]);
    const row = (await json(await api(token, `/v2/bills?filter[number]=${body.data.number}`))).data.data[0];
    expect(row.errors).toEqual(body.data.errors);
  });

  it("v2_total_includes_cash_rounding: totals.total is what is paid", async () => {
    const { account, token } = await newV2Account("cash-rounding");
    const rounding = () => {
      const { numbering_range_id: _range, ...bill } = structuredClone(
        examples.billCreates["facturas__ejemplos__redondeo-medios-pago.1"]!,
      );
      return { ...bill, reference_code: `R-${crypto.randomUUID().slice(0, 8)}` };
    };
    expect((await expectStatus(await create(token, rounding()), 201)).data.totals.total).toBe("260564.81");
    await account.settings({ v2_total_includes_cash_rounding: true });
    expect((await expectStatus(await create(token, rounding()), 201)).data.totals.total).toBe("260550.00");
  });

  it("v2_rejection_blocks_range false: a rejected bill leaves the range free; a DIAN-slow one still blocks", async () => {
    const { account, token } = await newV2Account("no-block");
    await account.settings({ v2_rejection_blocks_range: false });
    expect((await create(token, wrongDv())).status).toBe(422);
    expect((await create(token, exampleV2Bill())).status).toBe(201);
    expect((await create(token, exampleV2Bill(), "dian-pending")).status).toBe(201);
    expect((await create(token, exampleV2Bill())).status).toBe(409);
  });

  it("v2_rounding: half a cent of tax rounds up by default, to even when set", async () => {
    const { account, token } = await newV2Account("rounding");
    // 0.50 at 5 % IVA is 0.025 of tax: half-up 0.03, half-even 0.02.
    const tiny = (amount: string) =>
      exampleV2Bill({
        items: [{ ...exampleV2Bill().items[0], price: "0.50", taxes: [{ code: "01", rate: "5.00" }] }],
        payment_details: [{ payment_form: "1", payment_method_code: "10", amount }],
      });
    expect((await expectStatus(await create(token, tiny("0.53")), 201)).data.totals.tax_amount).toBe("0.03");
    await account.settings({ v2_rounding: "half-even" });
    const refused = await expectStatus(await create(token, tiny("0.53")), 422);
    expect(refused.data.errors.payment_details[0]).toContain("Esperado: 0.52 - Enviado: 0.53");
    expect((await expectStatus(await create(token, tiny("0.52")), 201)).data.totals.tax_amount).toBe("0.02");
  });

  it("refuses an unknown setting", async () => {
    const { account } = await newV2Account("settings");
    expect((await account.admin("/settings", { v2_rounding: "bankers" })).status).toBe(422);
    expect((await account.admin("/settings", { rounding: "half-up" })).status).toBe(422);
  });
});
