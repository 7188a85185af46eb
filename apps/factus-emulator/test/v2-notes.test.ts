import {
  FactusV2BillResponse,
  FactusV2CreditNotePage,
  FactusV2CreditNoteResponse,
  FactusV2DebitNotePage,
  FactusV2DebitNoteResponse,
  FactusV2EmailContent,
  FactusV2Message,
  FactusV2RadianEvents,
  FactusV2Xml,
} from "@factus-edge/contracts/factus-v2";
import { beforeAll, describe, expect, it } from "vitest";
import {
  api,
  exampleV2Bill,
  expectSchema,
  expectShape,
  expectStatus,
  faultHeaders,
  json,
  newV2Account,
} from "./helpers";
import * as examples from "./v2-examples";

// Credit and debit notes on v2 (by bill number), and what else hangs off a bill: e-mail, RADIAN events.

let token: string;
let account: Awaited<ReturnType<typeof newV2Account>>["account"];
// biome-ignore lint/suspicious/noExplicitAny: raw Factus JSON
let bill: any;
const post = (path: string, body: unknown, fault?: string) =>
  api(token, path, { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });
/** The published note example on `billNumber`, for the account's only active note range. */
const noteOf = (
  example: typeof examples.creditNote | typeof examples.debitNote,
  overrides: Record<string, unknown> = {},
) => {
  const { numbering_range_id: _range, ...note } = structuredClone(example);
  return {
    ...note,
    bill_number: bill.number,
    reference_code: `N-${crypto.randomUUID().slice(0, 12)}`,
    ...overrides,
  };
};

beforeAll(async () => {
  ({ account, token } = await newV2Account("notes"));
  bill = (await json(await post("/v2/bills/validate", exampleV2Bill()))).data;
});

describe("v2 credit notes", () => {
  it("the published example on a bill: created, shown, listed, printed; the bill lists it", async () => {
    const response = await post("/v2/credit-notes/validate", noteOf(examples.creditNote));
    const created = expectSchema(FactusV2CreditNoteResponse, await expectStatus(response, 201)).data;
    expect(created).toMatchObject({
      is_validated: true,
      correction_concept: { code: "2" },
      customization: { code: "20" },
      related_bill: { number: bill.number, reference_code: bill.reference_code },
      totals: { total: "83300.00" },
    });
    expect(created.cude).toMatch(/^[0-9a-f]{96}$/);

    const shown = expectSchema(
      FactusV2CreditNoteResponse,
      await json(await api(token, `/v2/credit-notes/${created.number}`)),
    );
    expect(shown.data.cude).toBe(created.cude);
    const page = expectSchema(
      FactusV2CreditNotePage,
      await json(await api(token, `/v2/credit-notes?filter[number]=${created.number}`)),
    );
    expect(page.data.data.map((row) => row.number)).toEqual([created.number]);
    expect("has_claim" in page.data.data[0]!).toBe(false);

    const xml = expectSchema(
      FactusV2Xml,
      await json(await api(token, `/v2/credit-notes/${created.number}/download-xml`)),
    );
    const text = new TextDecoder().decode(Uint8Array.fromBase64(xml.data.xml_base_64_encoded));
    expect(text).toContain("<CreditNote ");
    expect(text).toContain(`<cbc:ID>${bill.number}</cbc:ID>`);
    const attached = expectSchema(
      FactusV2Xml,
      await json(await api(token, `/v2/credit-notes/${created.number}/download-attached-document-xml`)),
    );
    expect(new TextDecoder().decode(Uint8Array.fromBase64(attached.data.xml_base_64_encoded))).toContain(
      "<AttachedDocument ",
    );
    const content = expectSchema(
      FactusV2EmailContent,
      await json(await api(token, `/v2/credit-notes/${created.number}/email-content`)),
    );
    expect(content.data.subject).toContain(`;${created.number};91;`);
    const sent = await post(`/v2/credit-notes/${created.number}/send-email`, examples.creditNoteEmail);
    expectSchema(FactusV2Message, await expectStatus(sent, 200));

    const billed = expectSchema(
      FactusV2BillResponse,
      await json(await api(token, `/v2/bills/${bill.number}`)),
    );
    expect(billed.data.related_notes?.credit_notes).toEqual([
      { number: created.number, reference_code: created.reference_code },
    ]);
  });

  it("takes the bill's customer when it has none; refuses an unknown bill; 22 goes without one", async () => {
    const { customer: _customer, ...withoutCustomer } = noteOf(examples.creditNote);
    const taken = (await expectStatus(await post("/v2/credit-notes/validate", withoutCustomer), 201)).data;
    expect(taken.customer).toEqual(bill.customer);

    const unknown = await post(
      "/v2/credit-notes/validate",
      noteOf(examples.creditNote, { bill_number: "SETP1" }),
    );
    expect((await expectStatus(unknown, 422)).data.errors.bill_number).toBeDefined();

    const standalone = noteOf(examples.creditNote, {
      bill_number: undefined,
      customization_id: "22",
      billing_period: { start_date: "2026-01-01", end_date: "2026-01-31" },
    });
    const free = (await expectStatus(await post("/v2/credit-notes/validate", standalone), 201)).data;
    expect(free).toMatchObject({ customization: { code: "22" }, related_bill: null });
  });

  it("shares the lifecycle: a pending note blocks the note range (409) until re-sent; delete by reference", async () => {
    const { token } = await newV2Account("notes-lifecycle");
    const send = (path: string, body: unknown, fault?: string) =>
      api(token, path, { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });
    const own = (await json(await send("/v2/bills/validate", exampleV2Bill()))).data;
    const note = () => noteOf(examples.creditNote, { bill_number: own.number });
    const slow = note();
    expect(
      (await json(await send("/v2/credit-notes/validate", slow, "dian-pending"))).data.is_validated,
    ).toBe(false);
    const blocked = await send("/v2/credit-notes/validate", note());
    expect(await expectStatus(blocked, 409)).toEqual({
      status: "Conflict",
      message: "Se encontró una nota crédito pendiente por enviar a la DIAN",
    });
    expect((await json(await send("/v2/credit-notes/validate", slow))).data.is_validated).toBe(true);

    const rejected = note();
    expect((await send("/v2/credit-notes/validate", rejected, "dian-rejection")).status).toBe(422);
    const deleted = await api(token, `/v2/credit-notes/reference/${rejected.reference_code}`, {
      method: "DELETE",
    });
    await expectShape(deleted, examples.adjustmentNoteDeleted);
  });
});

describe("v2 debit notes", () => {
  it("the published example pays 119,000 for 83,300: refused, naming the difference", async () => {
    const refused = await post("/v2/debit-notes/validate", noteOf(examples.debitNote));
    expect((await expectStatus(refused, 422)).data.errors.payment_details).toEqual([
      "La suma de los medios de pago no coincide con el total del documento. Esperado: 83,300.00 - Enviado: 119,000.00",
    ]);
  });

  it("paid right: created, shown, listed, e-mailed; the bill lists it", async () => {
    const request = noteOf(examples.debitNote, {
      payment_details: [{ payment_form: "1", payment_method_code: "10", amount: "83300" }],
    });
    const created = expectSchema(
      FactusV2DebitNoteResponse,
      await expectStatus(await post("/v2/debit-notes/validate", request), 201),
    ).data;
    expect(created).toMatchObject({ correction_concept: { code: "4" }, customization: { code: "30" } });
    const page = expectSchema(FactusV2DebitNotePage, await json(await api(token, "/v2/debit-notes")));
    expect(page.data.data.map((row) => row.number)).toContain(created.number);
    const pdf = await json(await api(token, `/v2/debit-notes/${created.number}/download-pdf`));
    expect(new TextDecoder("latin1").decode(Uint8Array.fromBase64(pdf.data.pdf_base_64_encoded))).toContain(
      "NOTA D",
    );
    const content = await json(await api(token, `/v2/debit-notes/${created.number}/email-content`));
    expect(content.data.subject).toContain(`;${created.number};92;`);
    await expectStatus(
      await post(`/v2/debit-notes/${created.number}/send-email`, examples.debitNoteEmail),
      200,
    );
    const billed = (await json(await api(token, `/v2/bills/${bill.number}`))).data;
    expect(billed.related_notes.debit_notes).toEqual([
      { number: created.number, reference_code: created.reference_code },
    ]);
  });
});

describe("a v2 bill's e-mail and RADIAN events", () => {
  it("sends the published e-mails, answers its content", async () => {
    for (const body of [examples.billEmail, examples.billEmailWithPdf]) {
      expectSchema(
        FactusV2Message,
        await expectStatus(await post(`/v2/bills/${bill.number}/send-email`, body), 200),
      );
    }
    const sent = await account.emails(bill.number);
    expect(sent.map((entry) => entry.email)).toEqual([
      examples.billEmail.email,
      examples.billEmailWithPdf.email,
    ]);
    const content = expectSchema(
      FactusV2EmailContent,
      await json(await api(token, `/v2/bills/${bill.number}/email-content`)),
    );
    expect(content.data.subject).toBe(
      `${bill.company.nit};${bill.company.establishment.name};${bill.number};01;${bill.company.establishment.name}`,
    );
  });

  it("lists RADIAN events; refuses a tacit acceptance (034) of a cash sale (tacit-acceptance.test.ts has the rest)", async () => {
    await account.addRadianEvent(bill.number, "030");
    const listed = expectSchema(
      FactusV2RadianEvents,
      await json(await api(token, `/v2/bills/${bill.number}/radian/events`)),
    );
    expect(listed.data.map((event) => event.event_code)).toEqual(["030"]);
    const refused = await post(`/v2/bills/${bill.number}/radian/events/034`, examples.tacitAcceptance);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("Solo una factura a crédito");
    expect((await post(`/v2/bills/${bill.number}/radian/events/099`, examples.tacitAcceptance)).status).toBe(
      422,
    );
  });
});
