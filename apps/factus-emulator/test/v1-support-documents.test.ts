import {
  FactusAdjustmentNotePage,
  FactusAdjustmentNoteResponse,
  FactusMessage,
  FactusPdf,
  FactusSupportDocumentPage,
  FactusSupportDocumentResponse,
  FactusXml,
} from "@factus-edge/contracts";
import { describe, expect, it } from "vitest";
import supportExample from "../../../fixtures/factus-v1/documentos-soporte__crear-validar.1.json";
import createdExample from "../../../fixtures/factus-v1/documentos-soporte__crear-validar.2.json";
import deletedExample from "../../../fixtures/factus-v1/documentos-soporte__eliminar.1.json";
import shownExample from "../../../fixtures/factus-v1/documentos-soporte__ver.1.json";
import listExample from "../../../fixtures/factus-v1/documentos-soporte__ver-y-filtrar.1.json";
import {
  emulator,
  exampleBill,
  expectSchema,
  expectShape,
  expectStatus,
  faultHeaders,
  json,
} from "./helpers";

// Support documents and adjustment notes on Factus v1 (`/v1/support-documents`, `/v1/adjustment-notes`): the published
// support document examples, and the bills' lifecycle (DIAN pending, rejection, the 409 block, re-send, delete).

/** A v1 account of the test's own, so its ranges, blocks and counts are its alone. */
async function v1Account(label: string) {
  const account = emulator.forAccount(`${label}-${crypto.randomUUID()}@empresa.test`);
  const token = await account.accessToken();
  const send = (path: string, body: unknown, fault?: string) =>
    account.api(token, path, { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });
  const get = (path: string) => account.api(token, path);
  const remove = (path: string) => account.api(token, path, { method: "DELETE" });
  return { account, token, send, get, remove };
}

/** The published support document, for the account's only active support-document range, under a new reference. */
const supportDocument = (overrides: Record<string, unknown> = {}) => {
  const { numbering_range_id: _published, ...request } = structuredClone(supportExample);
  return { ...request, reference_code: `DS-${crypto.randomUUID().slice(0, 12)}`, ...overrides };
};

/** An adjustment note on the support document `id`: the support document's provider and its first line, annulled. */
const adjustmentNote = (supportDocumentId: number, overrides: Record<string, unknown> = {}) => ({
  reference_code: `NA-${crypto.randomUUID().slice(0, 12)}`,
  support_document_id: supportDocumentId,
  correction_concept_code: "2",
  payment_method_code: "10",
  provider: supportExample.provider,
  items: [supportExample.items[0]],
  ...overrides,
});

describe("v1 support documents", () => {
  it("the published example: 201 validated, the published figures to the cent, its withholding; shown, listed, printed", async () => {
    const { send, get } = await v1Account("sd");
    const request = supportDocument();
    const response = await send("/v1/support-documents/validate", request);
    const created = expectSchema(FactusSupportDocumentResponse, await json(response.clone())).data;
    await expectShape(response, createdExample, 201);
    expect(created.support_document).toMatchObject({
      reference_code: request.reference_code,
      status: 1,
      gross_value: "90000.00",
      taxable_amount: "0.00",
      tax_amount: "0.00",
      total: "90000.00",
      payment_method: { code: "10", name: "Efectivo" },
    });
    expect(created.support_document.number).toMatch(/^SEDS98400\d{4}$/);
    expect(created.support_document.cuds).toMatch(/^[0-9a-f]{96}$/);
    expect(created.items.map((item) => [item.discount, item.gross_value, item.total])).toEqual([
      ["10000.00", "40000.00", "40000"],
      ["0.00", "50000.00", "50000"],
    ]);
    // ReteRenta 3.5 % of the 40,000 line: shown, and never taken off the total.
    expect(created.withholding_taxes).toEqual([{ tribute_code: "06", name: "ReteRenta", value: "1400.00" }]);
    expect(created.provider).toMatchObject({
      identification: "123456789",
      identification_document: { id: 6, code: "31", name: "NIT" },
      municipality: { id: 980, code: "68679", name: "San Gil" },
      country: { id: 46, code: "CO", name: "Colombia" },
    });
    const { number } = created.support_document;

    const shown = await get(`/v1/support-documents/${number}`);
    const show = expectSchema(FactusSupportDocumentResponse, await json(shown.clone())).data;
    await expectShape(shown, shownExample);
    expect(show.support_document.cuds).toBe(created.support_document.cuds);
    expect((await get("/v1/support-documents/SEDS1")).status).toBe(404);

    for (const filter of [`number]=${number}`, "identification]=12345678", "names]=Alan", "status]=1"]) {
      const listed = await get(`/v1/support-documents?filter[${filter}`);
      const page = expectSchema(FactusSupportDocumentPage, await json(listed.clone()));
      expect(page.data.data.map((row) => row.number)).toEqual([number]);
      await expectShape(listed, listExample);
    }
    const none = expectSchema(
      FactusSupportDocumentPage,
      await json(await get("/v1/support-documents?filter[identification]=999")),
    );
    expect(none.data.data).toEqual([]);

    const pdf = expectSchema(
      FactusPdf,
      await json(await get(`/v1/support-documents/download-pdf/${number}`)),
    );
    const pdfText = new TextDecoder("latin1").decode(Uint8Array.fromBase64(pdf.data.pdf_base_64_encoded));
    expect(pdfText).toMatch(/^%PDF-/);
    expect(pdfText).toContain("PROVEEDOR");
    expect(pdf.data.file_name).toMatch(/^ds0/);
    const xml = expectSchema(
      FactusXml,
      await json(await get(`/v1/support-documents/download-xml/${number}`)),
    );
    const xmlText = new TextDecoder().decode(Uint8Array.fromBase64(xml.data.xml_base_64_encoded));
    expect(xmlText).toContain("<cbc:InvoiceTypeCode>05</cbc:InvoiceTypeCode>");
    expect(xmlText).toContain(
      `<cbc:UUID schemeName="CUDS-SHA384">${created.support_document.cuds}</cbc:UUID>`,
    );
  });

  it("a validated one cannot be deleted; a rejected one can, and frees its range", async () => {
    const { send, remove } = await v1Account("sd-delete");
    const validated = supportDocument();
    await expectStatus(await send("/v1/support-documents/validate", validated), 201);
    const refused = await remove(`/v1/support-documents/reference/${validated.reference_code}`);
    expect((await expectStatus(refused, 422)).data.errors.reference_code).toBeDefined();

    const rejected = supportDocument();
    const answer = await expectStatus(
      await send("/v1/support-documents/validate", rejected, "dian-rejection"),
      422,
    );
    expect(answer.message).toMatch(/^Documento SEDS\d+ rechazado por la DIAN$/);
    const blocked = await send("/v1/support-documents/validate", supportDocument());
    expect(await expectStatus(blocked, 409)).toEqual({
      status: "Conflict",
      message: "Se encontró un documento soporte pendiente por enviar a la DIAN",
    });
    const deleted = await remove(`/v1/support-documents/reference/${rejected.reference_code}`);
    expectSchema(FactusMessage, await json(deleted.clone()));
    await expectShape(deleted, deletedExample);
    await expectStatus(await send("/v1/support-documents/validate", supportDocument()), 201);
  });

  it("DIAN pending: 201 with status 0, the range blocked (409); the same reference re-sent validates it", async () => {
    const { send } = await v1Account("sd-pending");
    const slow = supportDocument();
    const pending = expectSchema(
      FactusSupportDocumentResponse,
      await expectStatus(await send("/v1/support-documents/validate", slow, "dian-pending"), 201),
    ).data.support_document;
    expect(pending).toMatchObject({ status: 0, validated: null, errors: [] });
    await expectStatus(await send("/v1/support-documents/validate", supportDocument()), 409);
    const resent = expectSchema(
      FactusSupportDocumentResponse,
      await expectStatus(await send("/v1/support-documents/validate", slow), 201),
    ).data.support_document;
    expect(resent).toMatchObject({ number: pending.number, status: 1, cuds: pending.cuds });
    await expectStatus(await send("/v1/support-documents/validate", supportDocument()), 201);
  });

  it("DIAN rejects a wrong check digit of a NIT provider, rule 90, and a used reference; 402 when exhausted", async () => {
    const { account, send, remove } = await v1Account("sd-rules");
    const wrongDv = supportDocument({ provider: { ...supportExample.provider, dv: 5 } });
    const rejected = await expectStatus(await send("/v1/support-documents/validate", wrongDv), 422);
    expect(rejected.data.errors["provider.dv"]).toMatch(/^Rechazo: Dígito de verificación incorrecto/);
    // Re-sent fixed under the same reference: validated under the number the rejection consumed.
    const fixed = { ...wrongDv, provider: supportExample.provider };
    const validated = await expectStatus(await send("/v1/support-documents/validate", fixed), 201);
    expect(validated.data.support_document.number).toBe(rejected.message.split(" ")[1]);
    const duplicate = await send("/v1/support-documents/validate", fixed);
    expect((await expectStatus(duplicate, 422)).data.errors.reference_code[0]).toContain("ya fue usado");

    const again = supportDocument();
    const processed = await send("/v1/support-documents/validate", again, "dian-rule-90");
    expect(JSON.stringify(await expectStatus(processed, 422))).toContain("Regla: 90, Rechazo");
    await expectStatus(await remove(`/v1/support-documents/reference/${again.reference_code}`), 200);

    await account.settings({ subscription_documents: 0 });
    expect((await send("/v1/support-documents/validate", supportDocument())).status).toBe(402);
  });

  it("answers 403 on the v2 paths", async () => {
    const { get } = await v1Account("sd-version");
    for (const path of ["/v2/support-documents", "/v2/adjustment-notes"]) {
      expect(await expectStatus(await get(path), 403)).toEqual({
        message: "Version de API no disponible para esta empresa",
      });
    }
  });
});

describe("v1 adjustment notes", () => {
  it("on a validated support document: 201, shown, listed, printed; the support document lists it", async () => {
    const { send, get, remove } = await v1Account("na");
    const support = (await expectStatus(await send("/v1/support-documents/validate", supportDocument()), 201))
      .data.support_document;
    const request = adjustmentNote(support.id);
    const created = expectSchema(
      FactusAdjustmentNoteResponse,
      await expectStatus(await send("/v1/adjustment-notes/validate", request), 201),
    ).data;
    expect(created.adjustment_note).toMatchObject({
      status: 1,
      support_document_id: support.id,
      support_document_number: support.number,
      correction_concept: { code: "2" },
      gross_value: "40000.00",
      total: "40000.00",
    });
    expect(created.adjustment_note.number).toMatch(/^NA\d+$/);
    expect(created.adjustment_note.cuds).toMatch(/^[0-9a-f]{96}$/);
    expect(created.withholding_taxes).toEqual([{ tribute_code: "06", name: "ReteRenta", value: "1400.00" }]);
    const { number } = created.adjustment_note;

    const shown = expectSchema(
      FactusAdjustmentNoteResponse,
      await json(await get(`/v1/adjustment-notes/${number}`)),
    );
    expect(shown.data.adjustment_note.cuds).toBe(created.adjustment_note.cuds);
    const page = expectSchema(
      FactusAdjustmentNotePage,
      await json(await get(`/v1/adjustment-notes?filter[reference_code]=${request.reference_code}`)),
    );
    expect(page.data.data.map((row) => [row.number, row.support_document_number])).toEqual([
      [number, support.number],
    ]);
    const corrected = expectSchema(
      FactusSupportDocumentResponse,
      await json(await get(`/v1/support-documents/${support.number}`)),
    );
    expect(corrected.data.adjustment_notes).toEqual([{ id: created.adjustment_note.id, number }]);

    expectSchema(FactusPdf, await json(await get(`/v1/adjustment-notes/download-pdf/${number}`)));
    const xml = expectSchema(FactusXml, await json(await get(`/v1/adjustment-notes/download-xml/${number}`)));
    const xmlText = new TextDecoder().decode(Uint8Array.fromBase64(xml.data.xml_base_64_encoded));
    expect(xmlText).toContain("<cbc:CreditNoteTypeCode>95</cbc:CreditNoteTypeCode>");
    expect(xmlText).toContain(`<cbc:ID>${support.number}</cbc:ID>`);
    await expectStatus(await remove(`/v1/adjustment-notes/reference/${request.reference_code}`), 422);
  });

  it("422 for a support document that does not exist, is not validated, or is a bill", async () => {
    const { send } = await v1Account("na-refused");
    const pending = (
      await expectStatus(await send("/v1/support-documents/validate", supportDocument(), "dian-pending"), 201)
    ).data.support_document;
    const bill = (await json(await send("/v1/bills/validate", exampleBill(4)))).data.bill;
    for (const id of [999_999, pending.id, bill.id]) {
      const refused = await expectStatus(
        await send("/v1/adjustment-notes/validate", adjustmentNote(id)),
        422,
      );
      expect(refused.data.errors.support_document_id).toEqual([
        "Debe referenciar un documento soporte validado por la DIAN",
      ]);
    }
  });

  it("shares the lifecycle: pending, the 409 block of its range, re-send; a rejected one deleted", async () => {
    const { send, remove } = await v1Account("na-lifecycle");
    const support = (await expectStatus(await send("/v1/support-documents/validate", supportDocument()), 201))
      .data.support_document;
    const slow = adjustmentNote(support.id);
    const pending = (
      await expectStatus(await send("/v1/adjustment-notes/validate", slow, "dian-pending"), 201)
    ).data.adjustment_note;
    expect(pending.status).toBe(0);
    expect(
      await expectStatus(await send("/v1/adjustment-notes/validate", adjustmentNote(support.id)), 409),
    ).toEqual({
      status: "Conflict",
      message: "Se encontró una nota de ajuste pendiente por enviar a la DIAN",
    });
    const resent = (await expectStatus(await send("/v1/adjustment-notes/validate", slow), 201)).data
      .adjustment_note;
    expect(resent).toMatchObject({ number: pending.number, status: 1 });

    const rejected = adjustmentNote(support.id);
    await expectStatus(await send("/v1/adjustment-notes/validate", rejected, "dian-rejection"), 422);
    expectSchema(
      FactusMessage,
      await expectStatus(await remove(`/v1/adjustment-notes/reference/${rejected.reference_code}`), 200),
    );
  });
});
