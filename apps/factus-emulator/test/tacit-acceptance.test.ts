import { describe, expect, it } from "vitest";
import tacitAcceptance from "../../../fixtures/factus-v2/facturas__aceptacion-tacita.1.json";
import creditBill from "../../../fixtures/factus-v2/facturas__ejemplos__estandar-credito.1.json";
import { threeBusinessDaysAfter } from "../src/services/tacit-acceptance";
import { api, emulator, exampleBill, exampleV2Bill, json, newBillRange } from "./helpers";

// The issuer's tacit acceptance (RADIAN 034) on either version, with DIAN's conditions: a credit sale, the buyer's
// receipt of the invoice (030) and of the goods (032), three business days of silence after the goods, no claim (031),
// no express acceptance (033), and once.

type Version = "v1" | "v2";

async function accountWithBill(version: Version, credit: boolean) {
  const account = emulator.forAccount(`own-tacit-${version}-${crypto.randomUUID()}@empresa.test`);
  const token = await account.accessToken();
  let body: unknown;
  if (version === "v1") {
    const range = await newBillRange(token);
    body = exampleBill(range.id, credit ? { payment_form: "2", payment_due_date: "2027-03-25" } : {});
  } else {
    const { numbering_range_id: _range, ...published } = structuredClone(creditBill);
    body = credit
      ? { ...published, reference_code: `CR-${crypto.randomUUID().slice(0, 8)}` }
      : exampleV2Bill();
  }
  const created = await json(await api(token, `/${version}/bills/validate`, { method: "POST", body }));
  const number = version === "v1" ? created.data.bill.number : created.data.number;
  const emit = (code = "034") =>
    api(
      token,
      version === "v1"
        ? `/v1/bills/radian/events/update/${number}/${code}`
        : `/v2/bills/${number}/radian/events/${code}`,
      { method: "POST", body: tacitAcceptance },
    );
  const refusal = async (code?: string) => {
    const answer = await emit(code);
    expect(answer.status).toBe(422);
    return JSON.stringify(await answer.json());
  };
  return { account, number, emit, refusal };
}

describe.each(["v1", "v2"] as const)("tacit acceptance (034), Factus %s", (version) => {
  it("is refused until DIAN's conditions hold, then recorded once", async () => {
    const { account, number, emit, refusal } = await accountWithBill(version, true);
    expect(await refusal()).toContain("acuse de recibo de la factura (030)");
    await account.addRadianEvent(number, "030");
    expect(await refusal()).toContain("recibo del bien o del servicio (032)");
    await account.addRadianEvent(number, "032");
    expect(await refusal()).toContain("tres días hábiles");
    expect(await refusal("033")).toContain("lo registra el adquiriente");

    const { account: later, number: older, emit: emitOlder } = await accountWithBill(version, true);
    await later.addRadianEvent(older, "030", 6);
    await later.addRadianEvent(older, "032", 6);
    const accepted = await emitOlder();
    expect(accepted.status).toBe(200);
    const events = ((await accepted.json()) as { data: { event_code: string }[] }).data;
    expect(events.map((event) => event.event_code)).toEqual(["030", "032", "034"]);
    const again = await emitOlder();
    expect(again.status).toBe(422);
    expect(JSON.stringify(await again.json())).toContain("ya tiene aceptación tácita");
    expect((await emit("099")).status).toBe(422);
  });

  it("is refused for a cash sale, and after the buyer claimed the invoice", async () => {
    const cash = await accountWithBill(version, false);
    expect(await cash.refusal()).toContain("Solo una factura a crédito");
    const claimed = await accountWithBill(version, true);
    await claimed.account.addRadianEvent(claimed.number, "030", 6);
    await claimed.account.addRadianEvent(claimed.number, "032", 6);
    await claimed.account.addRadianEvent(claimed.number, "031", 5);
    expect(await claimed.refusal()).toContain("reclamó la factura (031)");
  });
});

describe("three business days", () => {
  it("skip the weekend (Colombia's calendar)", () => {
    // Thursday 2026-12-03 10:00 Colombia → Tuesday 2026-12-08 10:00.
    const thursday = Date.parse("2026-12-03T15:00:00Z");
    expect(new Date(threeBusinessDaysAfter(thursday)).toISOString()).toBe("2026-12-08T15:00:00.000Z");
  });
});
