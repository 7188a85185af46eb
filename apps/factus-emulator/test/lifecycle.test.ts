import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { accessToken, api, exampleBill, json, newBillRange, nitBill } from "./helpers";

let token: string;
beforeAll(async () => {
  token = await accessToken();
});

const decode = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

/** Factus' "09-01-2025 01:56:13 PM" (Colombian time) → ["2025-01-09", "13:56:13"]. */
function fromFactusDateTime(text: string): [string, string] {
  const [date = "", time = "", half] = text.split(" ");
  const [day, month, year] = date.split("-");
  const [hours = "0", minutes, seconds] = time.split(":");
  const hour24 = (Number(hours) % 12) + (half === "PM" ? 12 : 0);
  return [`${year}-${month}-${day}`, `${String(hour24).padStart(2, "0")}:${minutes}:${seconds}`];
}

async function sha384(text: string) {
  const digest = await crypto.subtle.digest("SHA-384", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

describe("a bill's whole life", () => {
  it("create → show → pdf → list → FAK24 rejection → 409 → delete → resend → credit note", async () => {
    const range = await newBillRange(token);

    const created = await api(token, "/v1/bills/validate", { method: "POST", body: nitBill(range.id, "8") });
    const bill = await json(created);
    expect(created.status, JSON.stringify(bill)).toBe(201);
    const number = bill.data.bill.number;
    expect(bill.data.bill.status).toBe(1);

    const shown = await json(await api(token, `/v1/bills/show/${number}`));
    expect(shown.data.bill.cufe).toBe(bill.data.bill.cufe);

    const pdf = await json(await api(token, `/v1/bills/download-pdf/${number}`));
    const bytes = decode(pdf.data.pdf_base_64_encoded);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    const document = await PDFDocument.load(bytes);
    expect(document.getPageCount()).toBeGreaterThanOrEqual(1);
    const text = new TextDecoder("latin1").decode(bytes);
    for (const expected of [
      number,
      "900123456",
      "Acme Corporation",
      bill.data.bill.total,
      bill.data.bill.cufe.slice(0, 48),
    ]) {
      expect(text, expected).toContain(expected);
    }

    const xml = await json(await api(token, `/v1/bills/download-xml/${number}`));
    expect(new TextDecoder().decode(decode(xml.data.xml_base_64_encoded))).toContain(
      `<cbc:UUID schemeName="CUFE-SHA384">${bill.data.bill.cufe}</cbc:UUID>`,
    );

    const listed = await json(await api(token, `/v1/bills?filter[prefix]=${range.prefix}`));
    expect(listed.data.data.map((row: { number: string }) => row.number)).toEqual([number]);

    // A wrong check digit: DIAN rejects, the number is spent, the document is stored as pending.
    const wrong = nitBill(range.id, "7");
    const rejected = await api(token, "/v1/bills/validate", { method: "POST", body: wrong });
    const rejection = await json(rejected);
    expect(rejected.status).toBe(422);
    expect(rejection.data.errors.FAK24).toMatch(/Rechazo.*es 8, no 7/);
    const pending = await json(await api(token, `/v1/bills?filter[reference_code]=${wrong.reference_code}`));
    expect(pending.data.data[0]).toMatchObject({ status: 0, number: `${range.prefix}1001` });

    // The range is blocked for other documents until the pending one is deleted…
    const blocked = await api(token, "/v1/bills/validate", { method: "POST", body: nitBill(range.id, "8") });
    expect(blocked.status).toBe(409);
    expect((await json(blocked)).message).toBe("Se encontró una factura pendiente por enviar a la DIAN");

    // …or re-sent, fixed, with its reference code: it is retried under the same number.
    const fixed = { ...wrong, customer: { ...wrong.customer, dv: "8" } };
    const retried = await json(await api(token, "/v1/bills/validate", { method: "POST", body: fixed }));
    expect(retried.data.bill).toMatchObject({ number: `${range.prefix}1001`, status: 1 });

    // A pending document can be deleted by reference; a validated one cannot.
    const other = nitBill(range.id, "1");
    expect((await api(token, "/v1/bills/validate", { method: "POST", body: other })).status).toBe(422);
    const deleted = await api(token, `/v1/bills/destroy/reference/${other.reference_code}`, {
      method: "DELETE",
    });
    expect(deleted.status).toBe(200);
    const refused = await api(token, `/v1/bills/destroy/reference/${fixed.reference_code}`, {
      method: "DELETE",
    });
    expect(refused.status).toBe(422);
    const next = await json(
      await api(token, "/v1/bills/validate", { method: "POST", body: nitBill(range.id, "8") }),
    );
    expect(next.data.bill.number).toBe(`${range.prefix}1003`);

    const note = await api(token, "/v1/credit-notes/validate", {
      method: "POST",
      body: {
        correction_concept_code: "2",
        customization_id: "20",
        bill_id: bill.data.bill.id,
        reference_code: `NC-${bill.data.bill.id}`,
        customer: nitBill(range.id, "8").customer,
        items: nitBill(range.id, "8").items,
      },
    });
    const noteBody = await json(note);
    expect(note.status, JSON.stringify(noteBody)).toBe(201);
    // The credit note repeats the items but not the bill's 9,000 tip surcharge.
    expect(noteBody.data.credit_note).toMatchObject({ number_bill: number, total: "90000.00" });
    const shownAgain = await json(await api(token, `/v1/bills/show/${number}`));
    expect(shownAgain.data.credit_notes).toEqual([
      { id: noteBody.data.credit_note.id, number: noteBody.data.credit_note.number },
    ]);
  });

  it("its CUFE is DIAN's SHA-384 of the bill's own fields", async () => {
    const range = await newBillRange(token);
    const bill = (
      await json(await api(token, "/v1/bills/validate", { method: "POST", body: exampleBill(range.id) }))
    ).data;
    const technicalKey = (await json(await api(token, `/v1/numbering-ranges/${range.id}`))).data
      .technical_key;
    const [date, time] = fromFactusDateTime(bill.bill.created_at);
    const taxOf = (tributeId: number) =>
      bill.items
        .filter((item: { tribute: { id: number } }) => item.tribute.id === tributeId)
        .reduce(
          (sum: number, item: { tax_amount: string }) => sum + Math.round(Number(item.tax_amount) * 100),
          0,
        );
    const cents = (value: number) => (value / 100).toFixed(2);
    const source = [
      bill.bill.number,
      date,
      `${time}-05:00`,
      bill.bill.gross_value,
      "01",
      cents(taxOf(1)),
      "04",
      cents(taxOf(4)),
      "03",
      cents(taxOf(3)),
      bill.bill.total,
      bill.company.nit,
      bill.customer.identification,
      technicalKey,
      "2",
    ].join("");
    expect(bill.bill.cufe).toBe(await sha384(source));
    expect(bill.bill.qr).toBe(
      `https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=${bill.bill.cufe}`,
    );
  });

  it("refuses a second bill with a validated reference code, and Factus' own request errors", async () => {
    const range = await newBillRange(token);
    const bill = exampleBill(range.id);
    expect((await api(token, "/v1/bills/validate", { method: "POST", body: bill })).status).toBe(201);
    const again = await api(token, "/v1/bills/validate", { method: "POST", body: bill });
    expect(again.status).toBe(422);
    expect((await json(again)).data.errors.reference_code[0]).toContain(bill.reference_code);

    const invalid = await api(token, "/v1/bills/validate", {
      method: "POST",
      body: { ...exampleBill(range.id), items: [], extra: 1 },
    });
    const errors = (await json(invalid)).data.errors;
    expect(invalid.status).toBe(422);
    expect(Object.keys(errors).sort()).toEqual(["extra", "items"]);

    const notJson = await api(token, "/v1/bills/validate", {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
  });
});
