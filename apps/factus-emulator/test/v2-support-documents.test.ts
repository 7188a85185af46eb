import {
  FactusV2AdjustmentNotePage,
  FactusV2AdjustmentNoteResponse,
  FactusV2Message,
  FactusV2Pdf,
  FactusV2SupportDocumentPage,
  FactusV2SupportDocumentResponse,
  FactusV2Xml,
} from "@factus-edge/contracts/factus-v2";
import { describe, expect, it } from "vitest";
import supportExample from "../../../fixtures/factus-v2/documentos-soporte__crear-validar.1.json";
import noteExample from "../../../fixtures/factus-v2/notas-ajuste-documentos-soporte__crear-validar.1.json";
import {
  exampleV2Bill,
  expectSchema,
  expectShape,
  expectStatus,
  faultHeaders,
  json,
  newV2Account,
} from "./helpers";
import * as examples from "./v2-examples";

// Support documents and adjustment notes on Factus v2 (`/v2/support-documents`, `/v2/adjustment-notes`): the
// published examples, v2's arithmetic and payment check, and the bills' lifecycle.

async function v2Account(label: string) {
  const { account, token } = await newV2Account(label);
  const send = (path: string, body: unknown, fault?: string) =>
    account.api(token, path, { method: "POST", body, headers: fault ? faultHeaders(fault) : {} });
  const get = (path: string) => account.api(token, path);
  const remove = (path: string) => account.api(token, path, { method: "DELETE" });
  return { account, send, get, remove };
}

/** 2 × 50,000.00 − 20 % = 80,000.00 + 19 % IVA 15,200.00: what the published support document must pay. */
const PAID = [{ payment_form: "1", payment_method_code: "42", reference_code: "pago-1", amount: "95200.00" }];

/** The published support document under a new reference, paid what it comes to (the published one is not). */
const supportDocument = (overrides: Record<string, unknown> = {}) => ({
  ...structuredClone(supportExample),
  reference_code: `DS-${crypto.randomUUID().slice(0, 12)}`,
  payment_details: PAID,
  ...overrides,
});

/** The published adjustment note (2 × 50,000.00 + 19 % IVA = 119,000.00, paid so) on `number`. */
const adjustmentNote = (number: string, overrides: Record<string, unknown> = {}) => ({
  ...structuredClone(noteExample),
  reference_code: `NA-${crypto.randomUUID().slice(0, 12)}`,
  support_document_number: number,
  ...overrides,
});

describe("v2 support documents", () => {
  it("the published example pays 80,000 for 95,200: refused before numbering, naming the difference", async () => {
    const { send } = await v2Account("sd");
    const refused = await send("/v2/support-documents/validate", {
      ...supportExample,
      reference_code: `DS-${crypto.randomUUID().slice(0, 12)}`,
    });
    expect((await expectStatus(refused, 422)).data.errors.payment_details).toEqual([
      "La suma de los medios de pago no coincide con el total del documento. Esperado: 95,200.00 - Enviado: 80,000.00",
    ]);
  });

  it("paid right: 201 validated, exact totals and withholding; shown, listed, printed", async () => {
    const { send, get } = await v2Account("sd-ok");
    const request = supportDocument();
    const created = expectSchema(
      FactusV2SupportDocumentResponse,
      await expectStatus(await send("/v2/support-documents/validate", request), 201),
    ).data;
    expect(created).toMatchObject({
      reference_code: request.reference_code,
      is_validated: true,
      totals: {
        gross_amount: "100000.00",
        taxable_amount: "80000.00",
        tax_amount: "15200.00",
        total: "95200.00",
      },
      // ReteRenta 3.5 % of the 80,000.00 base: informative, not taken off the total.
      withholding_taxes: [{ tribute_code: "06", name: "ReteRenta", value: "2800.00" }],
      provider: {
        identification: "2343543",
        identification_document: { code: "31", name: "NIT" },
        legal_organization: { code: "1" },
        municipality: { code: "68679", name: "San Gil" },
      },
      company: { establishment: { name: "nombre establecimiento" } },
    });
    expect(created.items[0]).toMatchObject({
      discount: "20000.00",
      gross_value: "100000.00",
      total: "80000.00",
    });
    expect(created.number).toMatch(/^SEDS98400\d{4}$/);
    expect(created.cuds).toMatch(/^[0-9a-f]{96}$/);

    const shown = expectSchema(
      FactusV2SupportDocumentResponse,
      await json(await get(`/v2/support-documents/${created.number}`)),
    );
    expect(shown.data).toEqual(created);
    expect((await get("/v2/support-documents/SEDS1")).status).toBe(404);

    for (const filter of [`number]=${created.number}`, "identification]=2343543", "names]=Pepito"]) {
      const page = expectSchema(
        FactusV2SupportDocumentPage,
        await json(await get(`/v2/support-documents?filter[${filter}`)),
      );
      expect(page.data.data.map((row) => [row.number, row.total, row.send_email])).toEqual([
        [created.number, "95200.00", false],
      ]);
    }
    const today = new Date().toISOString().slice(0, 10);
    const dated = expectSchema(
      FactusV2SupportDocumentPage,
      await json(await get(`/v2/support-documents?filter[created_at][start_date]=2000-01-01&per_page=5`)),
    );
    expect(dated.data.pagination.per_page).toBe(5);
    expect(dated.data.data.map((row) => row.number)).toContain(created.number);
    expect(
      (await get(`/v2/support-documents?filter[created_at][end_date]=${today.slice(0, 7)}`)).status,
    ).toBe(422);

    const pdf = expectSchema(
      FactusV2Pdf,
      await json(await get(`/v2/support-documents/${created.number}/download-pdf`)),
    );
    expect(new TextDecoder("latin1").decode(Uint8Array.fromBase64(pdf.data.pdf_base_64_encoded))).toContain(
      "PROVEEDOR",
    );
    const xml = expectSchema(
      FactusV2Xml,
      await json(await get(`/v2/support-documents/${created.number}/download-xml`)),
    );
    const text = new TextDecoder().decode(Uint8Array.fromBase64(xml.data.xml_base_64_encoded));
    expect(text).toContain("<cbc:InvoiceTypeCode>05</cbc:InvoiceTypeCode>");
    expect(text).toContain(`<cbc:UUID schemeName="CUDS-SHA384">${created.cuds}</cbc:UUID>`);
    // Nobody is e-mailed a support document.
    expect((await get(`/v2/support-documents/${created.number}/email-content`)).status).toBe(404);
  });

  it("a validated one cannot be deleted; a rejected one blocks its range (409) until deleted", async () => {
    const { send, remove } = await v2Account("sd-delete");
    const validated = supportDocument();
    await expectStatus(await send("/v2/support-documents/validate", validated), 201);
    await expectStatus(await remove(`/v2/support-documents/reference/${validated.reference_code}`), 422);

    const rejected = supportDocument();
    const answer = await expectStatus(
      await send("/v2/support-documents/validate", rejected, "dian-rejection"),
      422,
    );
    expect(answer.message).toMatch(/^Documento SEDS\d+ rechazado por la DIAN$/);
    expect(await expectStatus(await send("/v2/support-documents/validate", supportDocument()), 409)).toEqual({
      status: "Conflict",
      message: "Se encontró un documento soporte pendiente por enviar a la DIAN",
    });
    const deleted = await remove(`/v2/support-documents/reference/${rejected.reference_code}`);
    expectSchema(FactusV2Message, await json(deleted.clone()));
    await expectShape(deleted, examples.adjustmentNoteDeleted);
    await expectStatus(await send("/v2/support-documents/validate", supportDocument()), 201);
  });

  it("DIAN pending: 201 not validated, 409 meanwhile, the same reference re-sent validates it; 402 when exhausted", async () => {
    const { account, send } = await v2Account("sd-pending");
    const slow = supportDocument();
    const pending = expectSchema(
      FactusV2SupportDocumentResponse,
      await expectStatus(await send("/v2/support-documents/validate", slow, "dian-pending"), 201),
    ).data;
    expect(pending).toMatchObject({ is_validated: false, validated_at: null });
    await expectStatus(await send("/v2/support-documents/validate", supportDocument()), 409);
    const resent = expectSchema(
      FactusV2SupportDocumentResponse,
      await expectStatus(await send("/v2/support-documents/validate", slow), 201),
    ).data;
    expect(resent).toMatchObject({ number: pending.number, is_validated: true, cuds: pending.cuds });
    await account.settings({ subscription_documents: 0 });
    expect((await send("/v2/support-documents/validate", supportDocument())).status).toBe(402);
  });

  it("DIAN rejects a NIT provider's wrong check digit; a provider may not have a CC", async () => {
    const { send } = await v2Account("sd-rules");
    const wrong = supportDocument({ provider: { ...supportExample.provider, dv: "3" } });
    const rejected = await expectStatus(await send("/v2/support-documents/validate", wrong), 422);
    expect(rejected.data.errors["provider.dv"]).toMatch(/^Rechazo: Dígito de verificación incorrecto/);
    const withCc = supportDocument({
      provider: { ...supportExample.provider, identification_document_code: "13" },
    });
    const refused = await expectStatus(await send("/v2/support-documents/validate", withCc), 422);
    expect(refused.data.errors["provider.identification_document_code"]).toBeDefined();
  });

  it("answers 403 on the v1 paths", async () => {
    const { get } = await v2Account("sd-version");
    for (const path of ["/v1/support-documents", "/v1/adjustment-notes"]) {
      expect(await expectStatus(await get(path), 403)).toEqual({
        message: "Version de API no disponible para esta empresa",
      });
    }
  });
});

describe("v2 adjustment notes", () => {
  it("the published example on a validated support document: 201, the published shape, listed, printed", async () => {
    const { send, get, remove } = await v2Account("na");
    const support = (await expectStatus(await send("/v2/support-documents/validate", supportDocument()), 201))
      .data;
    const request = adjustmentNote(support.number);
    const response = await send("/v2/adjustment-notes/validate", request);
    const created = expectSchema(FactusV2AdjustmentNoteResponse, await json(response.clone())).data;
    await expectShape(response, examples.adjustmentNote, 201, {
      "$.data.items[0].taxes: extra": "a v2 support item may carry IVA; the published answer drops it",
      "$.data.totals.taxable_amount: extra": "as the taxes",
      "$.data.totals.tax_amount: extra": "as the taxes",
    });
    expect(created).toMatchObject({
      is_validated: true,
      correction_concept: { code: "2" },
      support_document: {
        number: support.number,
        reference_code: support.reference_code,
        cuds: support.cuds,
      },
      totals: { gross_amount: "100000.00", tax_amount: "19000.00", total: "119000.00" },
      withholding_taxes: [{ tribute_code: "06", name: "ReteRenta", value: "3500.00" }],
    });
    expect(created.number).toMatch(/^NA\d+$/);
    expect(created.cuds).toMatch(/^[0-9a-f]{96}$/);

    const shown = await get(`/v2/adjustment-notes/${created.number}`);
    expect(expectSchema(FactusV2AdjustmentNoteResponse, await json(shown.clone())).data).toEqual(created);
    const listed = await get(`/v2/adjustment-notes?filter[reference_code]=${request.reference_code}`);
    const page = expectSchema(FactusV2AdjustmentNotePage, await json(listed.clone()));
    expect(page.data.data.map((row) => row.number)).toEqual([created.number]);
    await expectShape(listed, examples.adjustmentNoteList, 200, {
      "$.data.data[0].provider.graphic_representation_name: extra": "the full party of the show",
      "$.data.data[0].provider.tribute: extra": "the full party of the show",
    });

    await expectShape(
      await get(`/v2/adjustment-notes/${created.number}/download-pdf`),
      examples.adjustmentNotePdf,
    );
    const xml = await expectShape(
      await get(`/v2/adjustment-notes/${created.number}/download-xml`),
      examples.adjustmentNoteXml,
    );
    const text = new TextDecoder().decode(Uint8Array.fromBase64(xml.data.xml_base_64_encoded));
    expect(text).toContain("<cbc:CreditNoteTypeCode>95</cbc:CreditNoteTypeCode>");
    expect(text).toContain(`<cbc:ID>${support.number}</cbc:ID>`);
    await expectStatus(await remove(`/v2/adjustment-notes/reference/${request.reference_code}`), 422);
  });

  it("422 for a support document that does not exist, is not validated, or is a bill", async () => {
    const { send } = await v2Account("na-refused");
    const pending = (
      await expectStatus(await send("/v2/support-documents/validate", supportDocument(), "dian-pending"), 201)
    ).data;
    const bill = (await expectStatus(await send("/v2/bills/validate", exampleV2Bill()), 201)).data;
    for (const number of ["SEDS1", pending.number, bill.number]) {
      const refused = await expectStatus(
        await send("/v2/adjustment-notes/validate", adjustmentNote(number)),
        422,
      );
      expect(refused.data.errors.support_document_number).toEqual([
        "Debe referenciar un documento soporte validado por la DIAN",
      ]);
    }
  });

  it("shares the lifecycle: pending blocks the note range (409) until re-sent; a rejected one deleted", async () => {
    const { send, remove } = await v2Account("na-lifecycle");
    const support = (await expectStatus(await send("/v2/support-documents/validate", supportDocument()), 201))
      .data;
    const slow = adjustmentNote(support.number);
    const pending = (
      await expectStatus(await send("/v2/adjustment-notes/validate", slow, "dian-pending"), 201)
    ).data;
    expect(pending.is_validated).toBe(false);
    expect(
      await expectStatus(await send("/v2/adjustment-notes/validate", adjustmentNote(support.number)), 409),
    ).toEqual({
      status: "Conflict",
      message: "Se encontró una nota de ajuste pendiente por enviar a la DIAN",
    });
    const resent = (await expectStatus(await send("/v2/adjustment-notes/validate", slow), 201)).data;
    expect(resent).toMatchObject({ number: pending.number, is_validated: true });

    const rejected = adjustmentNote(support.number);
    await expectStatus(await send("/v2/adjustment-notes/validate", rejected, "dian-rejection"), 422);
    await expectStatus(await remove(`/v2/adjustment-notes/reference/${rejected.reference_code}`), 200);
  });
});
