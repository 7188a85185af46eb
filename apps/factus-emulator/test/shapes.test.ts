import { beforeAll, describe, expect, it } from "vitest";
import * as examples from "./examples";
import {
  accessToken,
  api,
  emulator,
  exampleBill,
  expectShape,
  faultHeaders,
  json,
  newBillRange,
  nitBill,
} from "./helpers";

let token: string;
let range: { id: number; prefix: string };
// biome-ignore lint/suspicious/noExplicitAny: raw Factus JSON
let bill: any;

beforeAll(async () => {
  token = await accessToken();
  range = await newBillRange(token);
  const response = await api(token, "/v1/bills/validate", { method: "POST", body: exampleBill(range.id) });
  bill = await expectShape(response, examples.createdBill, 201);
});

describe("every endpoint answers with the keys and JSON types of Factus' published examples", () => {
  it("bill create reproduces the example's figures to the cent", () => {
    const published = examples.createdBill.data.bill;
    for (const key of [
      "gross_value",
      "taxable_amount",
      "tax_amount",
      "discount_amount",
      "surcharge_amount",
      "total",
    ] as const) {
      expect(bill.data.bill[key], key).toBe(published[key]);
    }
    expect(bill.data.items.map((item: { total: number }) => item.total)).toEqual([40000, 50000]);
    expect(bill.data.bill.number).toBe(`${range.prefix}1000`);
    expect(bill.data.bill.qr_image).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it("bill show, list, pdf, xml, e-mail content", async () => {
    const number = bill.data.bill.number;
    // The two published examples disagree on this one field's type (68872 vs "68872"); the emulator uses text.
    const show = structuredClone(examples.billShow);
    (show.data.establishment.municipality_id as { code: unknown }).code = "68872";
    await expectShape(await api(token, `/v1/bills/show/${number}`), show, 200, {
      "$.data.mandate: extra": "the create example has it and one view serves create and show",
    });
    await expectShape(await api(token, `/v1/bills?filter[number]=${number}`), examples.billList);
    await expectShape(await api(token, `/v1/bills/download-pdf/${number}`), examples.billPdf);
    await expectShape(await api(token, `/v1/bills/download-xml/${number}`), examples.billXml);
    await expectShape(await api(token, `/v1/bills/${number}/email-content`), examples.billEmailContent);
  });

  it("bill send-email and RADIAN events", async () => {
    const number = bill.data.bill.number;
    await expectShape(
      await api(token, `/v1/bills/send-email/${number}`, {
        method: "POST",
        body: { email: "cliente@correo.local" },
      }),
      examples.billEmailed,
    );
    const sent = await emulator.emails(number);
    expect(sent.map((entry) => entry.email)).toEqual(["cliente@correo.local"]);
    for (const code of ["030", "032", "033"]) await emulator.addRadianEvent(number, code);
    const events = await expectShape(
      await api(token, `/v1/bills/${number}/radian/events`),
      examples.billEvents,
    );
    expect(events.data.map((event: { event_code: string }) => event.event_code)).toEqual([
      "030",
      "032",
      "033",
    ]);
  });

  it("credit notes: create, list, pdf, xml", async () => {
    const request = {
      ...structuredClone(examples.creditNoteRequest),
      bill_id: bill.data.bill.id,
      reference_code: `NC-${range.prefix}`,
    };
    // The create example is leaner than the show example; one view serves both, shaped like the show.
    const created = await expectShape(
      await api(token, "/v1/credit-notes/validate", { method: "POST", body: request }),
      examples.creditNoteCreated,
      201,
      {
        "$.data.company.graphic_representation_name: extra":
          "in the bill examples' company, one view for both",
        "$.data.items[0].scheme_id: extra": "in the bill examples' items, which credit notes share",
        "$.data.items[0].mandate: extra": "in the bill examples' items, which credit notes share",
        "$.data.billing_period: extra": "in the show example",
        "$.data.allowance_charges: extra": "in the show example",
      },
    );
    expect(created.data.credit_note.total).toBe("80000.00");
    expect(created.data.credit_note.number_bill).toBe(bill.data.bill.number);
    const number = created.data.credit_note.number;
    await expectShape(await api(token, `/v1/credit-notes?filter[number]=${number}`), examples.creditNoteList);
    await expectShape(await api(token, `/v1/credit-notes/download-pdf/${number}`), examples.creditNotePdf);
    await expectShape(await api(token, `/v1/credit-notes/download-xml/${number}`), examples.creditNoteXml);
    await expectShape(await api(token, `/v1/credit-notes/${number}`), examples.creditNoteShow, 200, {
      "$.data.company.graphic_representation_name: extra": "in the bill examples' company, one view for both",
      "$.data.items[0].scheme_id: extra": "in the bill examples' items, which credit notes share",
      "$.data.items[0].mandate: extra": "in the bill examples' items, which credit notes share",
    });
    await expectShape(
      await api(token, `/v1/credit-notes/${number}/email-content`),
      examples.creditNoteEmailContent,
    );
    await expectShape(
      await api(token, `/v1/credit-notes/send-email/${number}`, {
        method: "POST",
        body: { email: "cliente@correo.local" },
      }),
      examples.creditNoteEmailed,
    );
  });

  it("credit-note delete answers the published message shape (on a rejected note)", async () => {
    const rejected = {
      ...structuredClone(examples.creditNoteRequest),
      bill_id: bill.data.bill.id,
      reference_code: `NC-R-${range.prefix}`,
    };
    const refused = await api(token, "/v1/credit-notes/validate", {
      method: "POST",
      body: rejected,
      headers: faultHeaders("dian-rejection"),
    });
    expect(refused.status).toBe(422);
    await expectShape(
      await api(token, `/v1/credit-notes/reference/${rejected.reference_code}`, { method: "DELETE" }),
      examples.creditNoteDeleted,
    );
  });

  it("subscriptions: the plans and the current one's documents", async () => {
    await expectShape(await api(token, "/v1/subscriptions"), examples.subscriptions, 200, {
      "$.data[0].documents_available: expected string, got number":
        "the example's plan is unlimited ('Ilimitado'); the emulator's has a quota",
    });
    const current = await expectShape(
      await api(token, "/v1/subscriptions/current"),
      examples.currentSubscription,
    );
    expect(current.data.documents_used + current.data.documents_remaining).toBe(current.data.total_documents);
  });

  it("numbering range: move its consecutive forward, never back", async () => {
    const own = await newBillRange(token, 5000);
    await expectShape(
      await api(token, `/v1/numbering-ranges/${own.id}/current`, {
        method: "PATCH",
        body: { current: 5100 },
      }),
      examples.rangeCurrentUpdated,
    );
    const back = await api(token, `/v1/numbering-ranges/${own.id}/current`, {
      method: "PATCH",
      body: { current: 10 },
    });
    expect(back.status).toBe(422);
  });

  it("countries: every ISO 3166 country, Spanish names, Factus' ids (Colombia 46)", async () => {
    const all = (await json(await api(token, "/v1/countries"))).data;
    expect(all.length).toBeGreaterThanOrEqual(249);
    expect(all.slice(0, examples.countries.data.length)).toEqual(examples.countries.data);
    expect((await json(await api(token, "/v1/countries?name=colombia"))).data).toEqual([
      { id: 46, code: "CO", name: "Colombia" },
    ]);
  });

  it("a 422 carries data.message (the first error and how many more) beside data.errors", async () => {
    const response = await api(token, "/v1/bills/validate", {
      method: "POST",
      body: { reference_code: "X" },
    });
    const body = await json(response);
    expect(response.status).toBe(422);
    expect(body).toMatchObject({ status: "Validation error", message: "Error de validación" });
    const errors = Object.values(body.data.errors).flat() as string[];
    const more = errors.length - 1;
    expect(body.data.message).toBe(`${errors[0]} (y ${more} ${more === 1 ? "error más" : "errores más"})`);
  });

  it("numbering ranges: list, show, create, delete, DIAN", async () => {
    await expectShape(await api(token, "/v1/numbering-ranges"), examples.rangeList);
    await expectShape(await api(token, `/v1/numbering-ranges/${range.id}`), examples.rangeShow);
    const created = await expectShape(
      await api(token, "/v1/numbering-ranges", {
        method: "POST",
        body: {
          document: "21",
          prefix: "FV",
          current: 1,
          resolution_number: "d3kd93kd39jd92",
          technical_key: "dfs3",
        },
      }),
      examples.rangeCreated,
      201,
    );
    await expectShape(
      await api(token, `/v1/numbering-ranges/${created.data.id}`, { method: "DELETE" }),
      examples.rangeDeleted,
    );
    await expectShape(await api(token, "/v1/numbering-ranges/dian"), examples.dianRanges);
    const filtered = await json(await api(token, `/v1/numbering-ranges?filter[id]=${range.id}`));
    expect(filtered.data.data.map((entry: { id: number }) => entry.id)).toEqual([range.id]);
  });

  it("catalogs, acquirer and company", async () => {
    const municipalities = await expectShape(await api(token, "/v1/municipalities"), examples.municipalities);
    expect(municipalities.data).toHaveLength(1122);
    const sanGil = await json(await api(token, "/v1/municipalities?name=san%20gil"));
    expect(sanGil.data).toEqual([{ id: 980, code: "68679", name: "San Gil", department: "Santander" }]);
    await expectShape(await api(token, "/v1/countries"), examples.countries);
    await expectShape(await api(token, "/v1/tributes/products"), examples.tributes);
    await expectShape(await api(token, "/v1/measurement-units?name=kilo"), examples.units);
    await expectShape(
      await api(token, "/v1/dian/acquirer?identification_document_id=3&identification_number=12345678"),
      examples.acquirer,
    );
    await expectShape(await api(token, "/v1/company"), examples.company);
  });

  it("bill delete answers the published message shape (on a rejected bill)", async () => {
    const pendingRange = await newBillRange(token);
    const rejected = nitBill(pendingRange.id, "7"); // a wrong check digit: DIAN's FAK24
    expect((await api(token, "/v1/bills/validate", { method: "POST", body: rejected })).status).toBe(422);
    await expectShape(
      await api(token, `/v1/bills/destroy/reference/${rejected.reference_code}`, { method: "DELETE" }),
      examples.billDeleted,
    );
  });
});
