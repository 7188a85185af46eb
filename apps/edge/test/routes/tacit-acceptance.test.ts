import { describe, expect, it } from "vitest";
import { api, emulator, expectStatus, FACTUS_VERSIONS, newSession, seedInvoice } from "../helpers";

// The issuer's tacit acceptance (RADIAN 034) through the gateway: emitted when DIAN's conditions hold (the emulator
// models them: factus-emulator/src/services/tacit-acceptance.ts), refused with the reason otherwise.

const PERSON = {
  identification_document_code: "13",
  identification: "1098765432",
  first_name: "Ana",
  last_name: "Gómez",
  job_title: "Cartera",
};

describe.each(FACTUS_VERSIONS)("tacit acceptance, Factus %s", (factusVersion) => {
  it("is refused with DIAN's reason until the buyer's receipts are three business days old, then emitted", async () => {
    const session = await newSession({ factusVersion, ownCompany: true });
    const credit = seedInvoice({ payment_form: "2", payment_due_date: "2027-06-30" });
    const { number } = (
      await expectStatus(await api(session, "/invoices", { method: "POST", body: credit }), 201)
    ).data;
    const early = await expectStatus(
      await api(session, `/invoices/${number}/events/034`, { method: "POST", body: PERSON }),
      422,
    );
    expect(JSON.stringify(early.error)).toContain("acuse de recibo de la factura (030)");

    const buyer = emulator.forAccount(session.account);
    await buyer.addRadianEvent(number, "030", 6);
    await buyer.addRadianEvent(number, "032", 6);
    const accepted = await expectStatus(
      await api(session, `/invoices/${number}/events/034`, { method: "POST", body: PERSON }),
      201,
    );
    expect(accepted.data.map((event: { event_code: string }) => event.event_code)).toEqual([
      "030",
      "032",
      "034",
    ]);
    const listed = await expectStatus(await api(session, `/invoices/${number}/events`), 200);
    expect(listed.data).toEqual(accepted.data);
  });

  it("refuses a cash sale; checks the person before asking Factus; an unknown invoice is 404", async () => {
    const session = await newSession({ factusVersion });
    const { number } = (
      await expectStatus(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), 201)
    ).data;
    const cash = await expectStatus(
      await api(session, `/invoices/${number}/events/034`, { method: "POST", body: PERSON }),
      422,
    );
    expect(JSON.stringify(cash.error)).toContain("Solo una factura a crédito");
    const badPerson = await expectStatus(
      await api(session, `/invoices/${number}/events/034`, {
        method: "POST",
        body: { ...PERSON, identification_document_code: "99", first_name: "" },
      }),
      422,
    );
    expect(badPerson.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual([
      "first_name",
      "identification_document_code",
    ]);
    await expectStatus(
      await api(session, "/invoices/SETP999999999/events/034", { method: "POST", body: PERSON }),
      404,
    );
  });
});
