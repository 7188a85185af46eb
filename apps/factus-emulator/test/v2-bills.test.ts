import {
  FactusV2BillPage,
  FactusV2BillResponse,
  FactusV2Message,
  FactusV2Pdf,
  FactusV2ValidationErrorBody,
  FactusV2Xml,
  isV2Rejection,
  normalizeV2Errors,
} from "@factus-edge/contracts/factus-v2";
import { beforeAll, describe, expect, it } from "vitest";
import { api, exampleV2Bill, expectSchema, expectShape, faultHeaders, json, newV2Account } from "./helpers";
import * as examples from "./v2-examples";

// Factus v2 bills on the emulator: every published create is accepted and totalled by v2's arithmetic; answers
// parse with the contracts' v2 schemas and have the keys and JSON types of the published v2 answers (adjustment
// notes: the only v2 document answers published), each difference explained.

type Payable = { payment_details: { amount: string | number }[]; cash_rounding_amount?: string | number };
/** What a published example pays, less its cash rounding: the total v2 must compute for it. */
const paidTotal = (example: Payable) =>
  (
    (example.payment_details.reduce((sum, payment) => sum + Math.round(Number(payment.amount) * 100), 0) -
      Math.round(Number(example.cash_rounding_amount ?? 0) * 100)) /
    100
  ).toFixed(2);

let token: string;
const createBill = (body: unknown, fault?: string) =>
  api(token, "/v2/bills/validate", { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });

beforeAll(async () => {
  ({ token } = await newV2Account("bills"));
});

describe("every published v2 bill example", () => {
  it.each(Object.entries(examples.billCreates))(
    "%s is validated, totalled as it pays",
    async (_, example) => {
      const { numbering_range_id: _range, ...body } = structuredClone(example) as Payable &
        Record<string, unknown>;
      body.reference_code = `EX-${crypto.randomUUID().slice(0, 12)}`;
      const response = await createBill(body);
      const answer = await json(response);
      expect(response.status, JSON.stringify(answer).slice(0, 800)).toBe(201);
      const { data } = expectSchema(FactusV2BillResponse, answer);
      expect(data).toMatchObject({ is_validated: true, reference_code: body.reference_code });
      expect(data.totals.total).toBe(paidTotal(body as Payable));
    },
  );
});

describe("the bill answer", () => {
  it("has the keys and JSON types of the published v2 document answer", async () => {
    // The one v2 document answer published is an adjustment note: its provider is a bill's customer, its CUDS a
    // bill's CUFE; what only adjustment notes have (the support document, the correction concept) is left out.
    const { provider, cuds, support_document, correction_concept, ...note } = examples.adjustmentNote.data;
    const asBill = { ...examples.adjustmentNote, data: { ...note, customer: provider, cufe: cuds } };
    const created = await expectShape(
      await createBill(exampleV2Bill(), "dian-notification"),
      { ...asBill, status: "Created" },
      201,
      {
        "$.data.errors: expected array, got object":
          "errors keyed by rule as the bill field tables say (V2_ERRORS_SHAPE=array answers the list)",
        ...Object.fromEntries(
          [
            ["order_reference", "send_email", "has_claim", "is_negotiable_instrument", "document_type"],
            ["operation_type", "billing_period", "numbering_range", "health", "beneficiary"],
            ["prepayment_details", "allowance_charges", "taxes", "related_documents", "related_notes"],
          ]
            .flat()
            .map((key) => [`$.data.${key}: extra`, "in the bill response table (facturas/crear-y-validar)"]),
        ),
        "$.data.customer.company: extra": "a bill's customer may be a company (bill response table)",
        "$.data.customer.country: extra": "in the bill response table",
        ...Object.fromEntries(
          ["note", "scheme_id", "collection_concept", "mandate", "additional_properties", "taxes"].map(
            (key) => [
              `$.data.items[0].${key}: extra`,
              "item fields of the bill request, answered back; taxes as the response table describes them",
            ],
          ),
        ),
        ...Object.fromEntries(
          ["prepayment_amount", "taxable_amount", "tax_amount", "surcharge_amount"].map((key) => [
            `$.data.totals.${key}: extra`,
            "the bill response table's totals",
          ]),
        ),
        "$.data.links.public_url: extra": "in the bill response table",
      },
    );
    expect(normalizeV2Errors(created.data.errors)).toEqual([
      expect.stringMatching(/^FAJ43b: Notificación: /),
    ]);
  });

  it("its CUFE is DIAN's SHA-384 over v2's own totals", async () => {
    const { data } = await json(await createBill(exampleV2Bill()));
    const range = (await json(await api(token, "/v2/numbering-ranges/4"))).data;
    const [date = "", time = "", half] = data.created_at.split(" ");
    const [day, month, year] = date.split("-");
    const [hours = "0", minutes, seconds] = time.split(":");
    const hour24 = String((Number(hours) % 12) + (half === "PM" ? 12 : 0)).padStart(2, "0");
    const source = [
      data.number,
      `${year}-${month}-${day}`,
      `${hour24}:${minutes}:${seconds}-05:00`,
      "70000.00",
      "01",
      "13300.00",
      "04",
      "0.00",
      "03",
      "0.00",
      "83300.00",
      data.company.nit,
      data.customer.identification,
      range.technical_key,
      "2",
    ].join("");
    const digest = await crypto.subtle.digest("SHA-384", new TextEncoder().encode(source));
    expect(data.cufe).toBe(new Uint8Array(digest).toHex());
    expect(data.links.qr).toBe(
      `https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=${data.cufe}`,
    );
  });

  it("show, list row, PDF and XML", async () => {
    const created = (await json(await createBill(exampleV2Bill()))).data;
    const shown = expectSchema(
      FactusV2BillResponse,
      await json(await api(token, `/v2/bills/${created.number}`)),
    );
    expect(shown.data).toEqual(
      expectSchema(FactusV2BillResponse, { status: "OK", message: "", data: created }).data,
    );

    const { provider, ...row } = examples.adjustmentNoteList.data.data[0]!;
    const listed = await expectShape(
      await api(token, `/v2/bills?filter[number]=${created.number}`),
      {
        ...examples.adjustmentNoteList,
        data: { ...examples.adjustmentNoteList.data, data: [{ ...row, customer: provider }] },
      },
      200,
      {
        "$.data.data[0].customer.graphic_representation_name: extra": "the party of the bill answer",
        "$.data.data[0].customer.company: extra": "the party of the bill answer",
        "$.data.data[0].customer.tribute: extra": "the party of the bill answer",
        "$.data.data[0].customer.country: extra": "the party of the bill answer",
        "$.data.data[0].has_claim: extra": "a bill's flag (bill response table)",
        "$.data.data[0].is_negotiable_instrument: extra": "a bill's flag (bill response table)",
      },
    );
    expectSchema(FactusV2BillPage, listed);
    expect(listed.data.data.map((bill: { number: string }) => bill.number)).toEqual([created.number]);

    const pdf = await expectShape(
      await api(token, `/v2/bills/${created.number}/download-pdf`),
      examples.adjustmentNotePdf,
    );
    expectSchema(FactusV2Pdf, pdf);
    const bytes = Uint8Array.fromBase64(pdf.data.pdf_base_64_encoded);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(new TextDecoder("latin1").decode(bytes)).toContain("83300.00");
    const xml = await expectShape(
      await api(token, `/v2/bills/${created.number}/download-xml`),
      examples.adjustmentNoteXml,
    );
    expectSchema(FactusV2Xml, xml);
    expect(new TextDecoder().decode(Uint8Array.fromBase64(xml.data.xml_base_64_encoded))).toContain(
      `<cbc:UUID schemeName="CUFE-SHA384">${created.cufe}</cbc:UUID>`,
    );
    expect((await api(token, "/v2/bills/NOPE1")).status).toBe(404);
  });
});

describe("v2 lists", () => {
  it("page size as filter[per_page] or per_page; creation dates; status", async () => {
    const { token } = await newV2Account("lists");
    const create = (fault?: string) =>
      api(token, "/v2/bills/validate", {
        method: "POST",
        body: exampleV2Bill(),
        headers: fault ? faultHeaders(fault) : {},
      });
    for (let i = 0; i < 3; i++) expect((await create()).status).toBe(201);
    const pending = (await json(await create("dian-pending"))).data.number;

    const page = async (query: string) => (await json(await api(token, `/v2/bills?${query}`))).data;
    for (const query of ["filter[per_page]=2", "per_page=2"]) {
      const first = await page(query);
      expect(first.pagination).toMatchObject({ total: 4, per_page: 2, last_page: 2, from: 1, to: 2 });
      expect(first.data).toHaveLength(2);
    }
    expect((await page("per_page=2&page=2")).data).toHaveLength(2);
    expect((await api(token, "/v2/bills?per_page=0")).status).toBe(422);
    expect((await api(token, "/v2/bills?filter[per_page]=101")).status).toBe(422);

    const today = new Date(Date.now() - 5 * 3600_000).toISOString().slice(0, 10);
    const dated = (start: string, end: string) =>
      page(`filter[created_at][start_date]=${start}&filter[created_at][end_date]=${end}`);
    expect((await dated(today, today)).pagination.total).toBe(4);
    expect((await dated("2020-01-01", "2020-12-31")).pagination.total).toBe(0);
    expect((await api(token, "/v2/bills?filter[created_at][start_date]=ayer")).status).toBe(422);

    const waiting = await page("filter[status]=0");
    expect(waiting.data.map((bill: { number: string }) => bill.number)).toEqual([pending]);
    expect(waiting.data[0]).toMatchObject({ is_validated: false, validated_at: null, errors: [] });
  });
});

describe("v2 money: payment_details must add up to the total", () => {
  it("a payment that does not add up is a 422 naming the difference; nothing is numbered", async () => {
    const { token } = await newV2Account("payments");
    const bill = exampleV2Bill({
      payment_details: [{ payment_form: "1", payment_method_code: "10", amount: "83000" }],
    });
    const response = await api(token, "/v2/bills/validate", { method: "POST", body: bill });
    const body = await json(response);
    expect(response.status).toBe(422);
    expectSchema(FactusV2ValidationErrorBody, body);
    expect(body.data.errors.payment_details).toEqual([
      "La suma de los medios de pago no coincide con el total del documento. Esperado: 83,300.00 - Enviado: 83,000.00",
    ]);
    expect((await json(await api(token, "/v2/bills"))).data.pagination.total).toBe(0);

    // cash_rounding_amount covers the difference (within ±500.00), as in the published rounding example.
    const rounded = { ...bill, cash_rounding_amount: "-300.00" };
    const accepted = await json(await api(token, "/v2/bills/validate", { method: "POST", body: rounded }));
    expect(accepted.data).toMatchObject({ is_validated: true, totals: { total: "83300.00" } });
    const beyond = { ...bill, reference_code: "OVER-500", cash_rounding_amount: "-600" };
    expect((await api(token, "/v2/bills/validate", { method: "POST", body: beyond })).status).toBe(422);
  });

  it("refuses more than 2 decimals and a discount above its line before numbering", async () => {
    const { token } = await newV2Account("money-refusals");
    const [item] = exampleV2Bill().items;
    for (const items of [[{ ...item, price: "10000.001" }], [{ ...item, discount_amount: "20000" }]]) {
      const response = await api(token, "/v2/bills/validate", {
        method: "POST",
        body: exampleV2Bill({ items }),
      });
      expect(response.status).toBe(422);
    }
    expect((await json(await api(token, "/v2/bills"))).data.pagination.total).toBe(0);
  });
});

describe("the DIAN lifecycle on v2", () => {
  it("FAK24: 422 with the rule keyed, number consumed, 409 on the range, delete by reference, re-send fixed", async () => {
    const { token } = await newV2Account("lifecycle");
    const create = (body: unknown) => api(token, "/v2/bills/validate", { method: "POST", body });
    const wrong = exampleV2Bill({ customer: { ...exampleV2Bill().customer, dv: "7" } });
    const rejected = await create(wrong);
    const rejection = await json(rejected);
    expect(rejected.status).toBe(422);
    expectSchema(FactusV2ValidationErrorBody, rejection);
    expect(rejection.data.errors.FAK24).toMatch(/^Regla: FAK24, Rechazo: .*es 6, no 7/);
    const [row] = (await json(await api(token, `/v2/bills?filter[reference_code]=${wrong.reference_code}`)))
      .data.data;
    expect(isV2Rejection(row)).toBe(true);
    expect(rejection.message).toContain(row.number);

    const blocked = await create(exampleV2Bill());
    expect(blocked.status).toBe(409);
    expect(await json(blocked)).toEqual({
      status: "Conflict",
      message: "Se encontró una factura pendiente por enviar a la DIAN",
    });

    const fixed = await json(await create({ ...wrong, customer: { ...wrong.customer, dv: "6" } }));
    expect(fixed.data).toMatchObject({ number: row.number, is_validated: true });

    const other = exampleV2Bill({ customer: { ...wrong.customer, dv: "1" } });
    expect((await create(other)).status).toBe(422);
    const deleted = await api(token, `/v2/bills/destroy/reference/${other.reference_code}`, {
      method: "DELETE",
    });
    expectSchema(FactusV2Message, await expectShape(deleted, examples.adjustmentNoteDeleted));
    const refused = await api(token, `/v2/bills/destroy/reference/${wrong.reference_code}`, {
      method: "DELETE",
    });
    expect(refused.status).toBe(422);
    expect((await create(exampleV2Bill())).status).toBe(201);
  });

  it("dian-pending: 201 not validated, no Rechazo; the same re-send validates it under its number", async () => {
    const { token } = await newV2Account("pending");
    const first = exampleV2Bill();
    const pending = await api(token, "/v2/bills/validate", {
      method: "POST",
      body: first,
      headers: faultHeaders("dian-pending"),
    });
    const body = await json(pending);
    expect(pending.status).toBe(201);
    expect(body.data).toMatchObject({ is_validated: false, validated_at: null, errors: [] });
    expect(isV2Rejection(body.data)).toBe(false);
    const blocked = await api(token, "/v2/bills/validate", { method: "POST", body: exampleV2Bill() });
    expect(blocked.status).toBe(409);
    const resent = await json(await api(token, "/v2/bills/validate", { method: "POST", body: first }));
    expect(resent.data).toMatchObject({ number: body.data.number, cufe: body.data.cufe, is_validated: true });
    expect(resent.data.validated_at).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d:\d\d [AP]M$/);
  });

  it("dian-pending=N and dian-verdict=rejected, as on v1", async () => {
    const { token } = await newV2Account("pending-n");
    const create = (body: unknown, fault?: string) =>
      api(token, "/v2/bills/validate", { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });
    const slow = exampleV2Bill();
    const first = await json(await create(slow, "dian-pending=2"));
    expect(first.data.is_validated).toBe(false);
    expect((await json(await create(slow))).data).toMatchObject({
      number: first.data.number,
      is_validated: false,
    });
    expect((await json(await create(slow))).data).toMatchObject({
      number: first.data.number,
      is_validated: true,
    });

    const doomed = exampleV2Bill();
    expect((await json(await create(doomed, "dian-pending,dian-verdict=rejected"))).data.is_validated).toBe(
      false,
    );
    const rejected = await create(doomed);
    expect(rejected.status).toBe(422);
    expect((await json(rejected)).data.errors.FAJ43b).toMatch(/^Regla: FAJ43b, Rechazo:/);
  });

  it("rule 90, a notification, a lost answer, a re-sent validated reference, 402", async () => {
    const { account, token } = await newV2Account("outcomes");
    const create = (body: unknown, fault?: string) =>
      api(token, "/v2/bills/validate", { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });

    const ninety = await json(await create(exampleV2Bill(), "dian-rule-90"));
    expect(ninety.data.errors).toEqual({ "90": "Regla: 90, Rechazo: Documento procesado anteriormente." });
    const [blocking] = (await json(await api(token, "/v2/bills?filter[status]=0"))).data.data;
    await api(token, `/v2/bills/destroy/reference/${blocking.reference_code}`, { method: "DELETE" });

    const noted = await json(await create(exampleV2Bill(), "dian-notification"));
    expect(noted.data.is_validated).toBe(true);
    expect(noted.data.errors.FAJ43b).toMatch(/^Regla: FAJ43b, Notificación:/);

    const lost = exampleV2Bill();
    await expect((await create(lost, "lost-after-issue=drop")).text()).rejects.toThrow();
    const [found] = (await json(await api(token, `/v2/bills?filter[reference_code]=${lost.reference_code}`)))
      .data.data;
    expect(found).toMatchObject({ is_validated: true });

    expect((await create(lost)).status).toBe(422);
    await account.settings({ validated_reference_resend: "return" });
    const returned = await create(lost);
    expect(returned.status).toBe(200);
    expect((await json(returned)).data.number).toBe(found.number);

    await account.settings({ subscription_documents: 0 });
    expect((await create(exampleV2Bill())).status).toBe(402);
  });
});
