import { describe, expect, it } from "vitest";
import {
  documentView,
  FactusClient,
  FactusInvalidRequestError,
  FactusNotFoundError,
  FactusVersionError,
} from "../src";
import { example, jsonResponse, v2Example } from "./fake-fetch";
import {
  envelope,
  v2Bill,
  v2Company,
  v2Note,
  v2Page,
  v2Range,
  v2Row,
  v2Subscription,
  versionedFactus,
} from "./v2-answers";

// Factus v2 through the same resources, with the published v2 examples as requests and answers where v2 publishes
// them (fixtures/factus-v2), built from them otherwise (./v2-answers.ts).

const file = (kind: "pdf" | "xml") =>
  envelope({ file_name: "SETP990000550", [`${kind}_base_64_encoded`]: "JVBERi0=" });
const message = (text: string) => ({ status: "OK", message: text });

describe("Factus v2 paths", () => {
  it("reaches support documents and adjustment notes at their v2 paths, with the published answers", async () => {
    const published = v2Example("notas-ajuste-documentos-soporte__ver.1");
    const { support_document: _reference, correction_concept: _concept, ...supportAnswer } = published.data;
    const routes = {
      "POST /v2/support-documents/validate": () => jsonResponse(envelope(supportAnswer, "Created"), 201),
      "GET /v2/support-documents": v2Example("notas-ajuste-documentos-soporte__ver-y-filtrar.1"),
      "GET /v2/support-documents/NA1": envelope(supportAnswer),
      "GET /v2/support-documents/NA1/download-pdf": file("pdf"),
      "DELETE /v2/support-documents/reference/R1": message("Documento eliminado"),
      "POST /v2/adjustment-notes/validate": () => jsonResponse({ ...published, status: "Created" }, 201),
      "GET /v2/adjustment-notes": v2Example("notas-ajuste-documentos-soporte__ver-y-filtrar.1"),
      "GET /v2/adjustment-notes/NA1": published,
      "GET /v2/adjustment-notes/NA1/download-pdf": v2Example(
        "notas-ajuste-documentos-soporte__descargar-pdf.1",
      ),
      "GET /v2/adjustment-notes/NA1/download-xml": v2Example(
        "notas-ajuste-documentos-soporte__descargar-xml.1",
      ),
      "DELETE /v2/adjustment-notes/reference/R2": v2Example("notas-ajuste-documentos-soporte__eliminar.1"),
    };
    const { fetch, calls } = versionedFactus({ tok: "v2" }, routes);
    const factus = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v2" });

    const support = await factus.supportDocuments.createV2(v2Example("documentos-soporte__crear-validar.1"));
    expect(support).toMatchObject({ apiVersion: "v2", is_validated: true, totals: { total: "100000.00" } });
    expect(support.errors[0]).toMatch(/^NSAX04: /);
    expect(JSON.parse(calls[0]!.body).provider).toMatchObject({ identification_document_code: "31" });
    const rows = await factus.supportDocuments.list({ names: "Pepito", per_page: 5 });
    expect(rows.data.map((row) => [row.apiVersion, row.number, row.provider.identification])).toEqual([
      ["v2", "NA1", "2343543"],
    ]);
    expect(decodeURIComponent(calls[1]!.url.search)).toBe("?filter[names]=Pepito&filter[per_page]=5&page=1");
    expect((await factus.supportDocuments.get("NA1")).cuds).toMatch(/^8cd9/);
    await factus.supportDocuments.downloadPdf("NA1");
    expect(await factus.supportDocuments.delete("R1")).toBe("Documento eliminado");

    const note = await factus.adjustmentNotes.createV2(
      v2Example("notas-ajuste-documentos-soporte__crear-validar.1"),
    );
    expect(note).toMatchObject({
      apiVersion: "v2",
      correction_concept: { code: "5" },
      support_document: { number: "SEDS984000004" },
    });
    expect((await factus.adjustmentNotes.list()).data[0]?.is_validated).toBe(true);
    expect((await factus.adjustmentNotes.get("NA1")).number).toBe("NA1");
    await factus.adjustmentNotes.downloadPdf("NA1");
    await factus.adjustmentNotes.downloadXml("NA1");
    expect(await factus.adjustmentNotes.delete("R2")).toContain("eliminado");
    // A v1 request on a v2 account: refused before sending.
    await expect(
      factus.adjustmentNotes.create({
        reference_code: "NA-1",
        support_document_id: 1,
        correction_concept_code: "2",
        provider: example("documentos-soporte__crear-validar.1").provider,
        items: example("documentos-soporte__crear-validar.1").items,
      }),
    ).rejects.toBeInstanceOf(FactusVersionError);
  });

  it("reaches every v2 resource at its documented path", async () => {
    const routes = {
      "POST /v2/bills/validate": (call: { body: string }) =>
        jsonResponse(
          { ...envelope(v2Bill({ reference_code: JSON.parse(call.body).reference_code }), "Created") },
          201,
        ),
      "GET /v2/bills": v2Page([v2Row("SETP1"), v2Row("SETP2")]),
      "GET /v2/bills/N1": envelope(v2Bill()),
      "GET /v2/bills/N1/download-pdf": file("pdf"),
      "GET /v2/bills/N1/download-xml": file("xml"),
      "DELETE /v2/bills/destroy/reference/R1": message("Documento eliminado"),
      "POST /v2/bills/N1/send-email": message("Correo enviado"),
      "GET /v2/bills/N1/email-content": envelope({ subject: "Factura SETP990000550" }),
      "GET /v2/bills/N1/radian/events": envelope([]),
      "POST /v2/credit-notes/validate": () => jsonResponse(envelope(v2Note(), "Created"), 201),
      "GET /v2/credit-notes": v2Page([v2Row("NC1")]),
      "GET /v2/credit-notes/NC1": envelope(v2Note()),
      "GET /v2/credit-notes/NC1/download-pdf": file("pdf"),
      "GET /v2/credit-notes/NC1/download-xml": file("xml"),
      "DELETE /v2/credit-notes/reference/R2": message("Documento eliminado"),
      "POST /v2/credit-notes/NC1/send-email": message("Correo enviado"),
      "GET /v2/credit-notes/NC1/email-content": envelope({ subject: "Nota NC1" }),
      "POST /v2/debit-notes/validate": () =>
        jsonResponse(envelope(v2Note({ number: "ND1" }), "Created"), 201),
      "GET /v2/debit-notes": v2Page([v2Row("ND1")]),
      "GET /v2/debit-notes/ND1": envelope(v2Note({ number: "ND1" })),
      "GET /v2/debit-notes/ND1/download-pdf": file("pdf"),
      "GET /v2/debit-notes/ND1/download-xml": file("xml"),
      "DELETE /v2/debit-notes/reference/R3": message("Documento eliminado"),
      "POST /v2/debit-notes/ND1/send-email": message("Correo enviado"),
      "GET /v2/debit-notes/ND1/email-content": envelope({ subject: "Nota ND1" }),
      "GET /v2/numbering-ranges": v2Page([v2Range(1), { ...v2Range(2), is_active: 0, is_expired: 1 }]),
      "GET /v2/numbering-ranges/4": envelope({
        ...v2Range(4),
        document: "21",
        document_name: "Factura de Venta",
      }),
      "POST /v2/numbering-ranges": () => jsonResponse(envelope(v2Range(5), "Created"), 201),
      "PATCH /v2/numbering-ranges/4/current": envelope({ ...v2Range(4), current: 990000600 }),
      "PATCH /v2/numbering-ranges/4/toggle-status": envelope({ ...v2Range(4), is_active: false }),
      "DELETE /v2/numbering-ranges/4": v2Example("rangos-de-numeracion__facturacion__eliminar-rango.1"),
      "GET /v2/numbering-ranges/dian": envelope([
        {
          resolution_number: "18760000001",
          prefix: "SETP",
          from: 990000000,
          to: 995000000,
          start_date: "2019-01-19",
          end_date: "2030-01-19",
          technical_key: "fc8e",
        },
      ]),
      "GET /v2/dian/acquirer": v2Example("informacion-adquirientes__obtener-datos-adquiriente.1"),
      "GET /v2/companies": envelope(v2Company),
      "GET /v2/subscriptions": envelope([
        v2Subscription({ name: "Plan vencido", is_active: false, has_expired: true }),
        v2Subscription(),
      ]),
    };
    const { fetch, calls } = versionedFactus({ tok: "v2" }, routes);
    const factus = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v2" });

    const request = v2Example("facturas__crear-y-validar.1");
    const created = await factus.bills.createV2(request);
    expect(created).toMatchObject({ apiVersion: "v2", reference_code: "FACT-2026-0124", is_validated: true });
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ payment_details: [{ amount: "83300" }] });
    const rows = await factus.bills.list({
      prefix: "SETP",
      status: 1,
      per_page: 50,
      created_at: { start_date: "2026-01-01" },
    });
    expect(rows.data.map((row) => [row.apiVersion, row.number])).toEqual([
      ["v2", "SETP1"],
      ["v2", "SETP2"],
    ]);
    expect(rows.apiVersion).toBe("v2");
    expect(decodeURIComponent(calls[1]!.url.search)).toBe(
      "?filter[prefix]=SETP&filter[status]=1&filter[per_page]=50&filter[created_at][start_date]=2026-01-01&page=1",
    );
    expect((await factus.bills.get("N1")).totals.total).toBe("119000.00");
    expect((await factus.bills.downloadPdf("N1")).pdf_base_64_encoded).toBe("JVBERi0=");
    expect((await factus.bills.downloadXml("N1")).xml_base_64_encoded).toBe("JVBERi0=");
    expect(await factus.bills.delete("R1")).toBe("Documento eliminado");
    expect(await factus.bills.sendEmail("N1", v2Example("facturas__enviar-correo.1"))).toBe("Correo enviado");
    expect((await factus.bills.emailContent("N1")).subject).toContain("SETP");
    expect(await factus.bills.events("N1")).toEqual([]);

    const note = await factus.creditNotes.createV2(v2Example("notas-credito__crear-y-validar.1"));
    expect(note).toMatchObject({ apiVersion: "v2", cude: "cade" });
    expect((await factus.creditNotes.list({ number: "NC" })).data[0]?.number).toBe("NC1");
    expect((await factus.creditNotes.get("NC1")).number).toBe("NC1");
    await factus.creditNotes.downloadPdf("NC1");
    await factus.creditNotes.downloadXml("NC1");
    await factus.creditNotes.delete("R2");
    await factus.creditNotes.sendEmail("NC1", { email: "a@b.co" });
    await factus.creditNotes.emailContent("NC1");

    expect((await factus.debitNotes.create(v2Example("notas-debito__crear-y-validar.1"))).number).toBe("ND1");
    expect((await factus.debitNotes.list()).data).toHaveLength(1);
    expect((await factus.debitNotes.get("ND1")).apiVersion).toBe("v2");
    await factus.debitNotes.downloadPdf("ND1");
    await factus.debitNotes.downloadXml("ND1");
    await factus.debitNotes.delete("R3");
    await factus.debitNotes.sendEmail("ND1", v2Example("notas-debito__enviar-correo.1"));
    await factus.debitNotes.emailContent("ND1");

    const ranges = await factus.numberingRanges.list({ document: "21", is_active: 1 });
    expect(ranges.map((range) => [range.id, range.is_active, range.is_expired])).toEqual([
      [1, 1, false],
      [2, 0, true],
    ]);
    expect(await factus.numberingRanges.get(4)).toMatchObject({ document: "21", is_active: 1 });
    const range = v2Example("rangos-de-numeracion__facturacion__ejemplos__crear-rango-para-facturacion.1");
    expect((await factus.numberingRanges.create(range)).id).toBe(5);
    expect((await factus.numberingRanges.updateCurrent(4, 990000600)).current).toBe(990000600);
    expect((await factus.numberingRanges.toggleStatus(4)).is_active).toBe(0);
    expect(await factus.numberingRanges.delete(4)).toBeTruthy();
    expect(await factus.numberingRanges.dian()).toHaveLength(1);

    const acquirer = await factus.catalogs.acquirer({
      identificationDocumentId: 3,
      identificationNumber: "1234",
    });
    expect(acquirer.name).toBeTruthy();
    await factus.catalogs.acquirer({ identificationDocumentCode: "31", identificationNumber: "900123456" });
    const company = await factus.company.get();
    expect(company).toMatchObject({ apiVersion: "v2", nit: "1000789002" });
    expect((await factus.subscriptions.current()).name).toBe("Plan facturación");
    expect(await factus.subscriptions.list()).toHaveLength(2);

    const sent = calls.map((call) => `${call.method} ${call.url.pathname}`);
    expect(new Set(sent)).toEqual(new Set(Object.keys(routes)));
    expect(sent.every((path) => !path.includes("/v1/"))).toBe(true);
    const acquirerQueries = calls
      .filter((call) => call.url.pathname === "/v2/dian/acquirer")
      .map((call) => call.url.search);
    expect(acquirerQueries).toEqual([
      "?identification_document_code=13&identification_number=1234",
      "?identification_document_code=31&identification_number=900123456",
    ]);
  });

  it("checks v2 requests against the v2 rules before sending", async () => {
    const { fetch, calls } = versionedFactus({ tok: "v2" }, {});
    const factus = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v2" });
    const { payment_details: _, ...unpaid } = v2Example("facturas__crear-y-validar.1");
    const error = await factus.bills.createV2(unpaid).catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusInvalidRequestError);
    expect(error.issues[0].field).toBe("payment_details");
    // v1-only range fields have no v2 meaning: refused, not dropped.
    const range = {
      document: "21",
      prefix: "SETP",
      current: 1,
      resolution_number: "1876",
      technical_key: "k",
    };
    await expect(factus.numberingRanges.create(range)).rejects.toBeInstanceOf(FactusInvalidRequestError);
    expect(calls).toHaveLength(0);
  });

  it("a v2 subscription list without an active plan has no current one", async () => {
    const { fetch } = versionedFactus(
      { tok: "v2" },
      { "GET /v2/subscriptions": envelope([v2Subscription({ is_active: false })]) },
    );
    const factus = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v2" });
    await expect(factus.subscriptions.current()).rejects.toBeInstanceOf(FactusNotFoundError);
  });
});

describe("what exists on one version only", () => {
  it("debit notes, v2 creates and toggle-status refuse a v1 account; v1 creates refuse a v2 one", async () => {
    const { fetch, calls } = versionedFactus({ tok: "v1" }, {});
    const v1 = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v1" });
    for (const call of [
      () => v1.debitNotes.get("ND1"),
      () => v1.debitNotes.create(v2Example("notas-debito__crear-y-validar.1")),
      () => v1.bills.createV2(v2Example("facturas__crear-y-validar.1")),
      () => v1.creditNotes.createV2(v2Example("notas-credito__crear-y-validar.1")),
      () => v1.numberingRanges.toggleStatus(1),
      () => v1.bills.list({ per_page: 50 }),
    ]) {
      const error = await call().catch((caught) => caught);
      expect(error).toBeInstanceOf(FactusVersionError);
      expect(error.accountVersion).toBe("v1");
    }
    const v2 = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v2" });
    const credit = { ...example("notas-credito__crear-y-validar.1"), bill_id: 1 };
    await expect(v2.creditNotes.create(credit)).rejects.toBeInstanceOf(FactusVersionError);
    expect(calls).toHaveLength(0);
  });
});

describe("v2 answers", () => {
  it("errors, an object keyed by rule or a list, read as 'RULE: text'; is_validated and validated_at kept", async () => {
    const rejected = v2Bill({
      is_validated: false,
      validated_at: null,
      errors: { FAK24: "Regla: FAK24, Rechazo: El DV del NIT no es correcto" },
    });
    const { fetch } = versionedFactus(
      { tok: "v2" },
      {
        "GET /v2/bills/N1": envelope(rejected),
        "GET /v2/credit-notes/NC1": envelope(v2Note()),
        "GET /v2/bills": v2Page([v2Row("SETP1")]),
      },
    );
    const factus = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v2" });
    const bill = await factus.bills.get("N1");
    expect(bill.errors).toEqual(["FAK24: Rechazo: El DV del NIT no es correcto"]);
    expect(documentView(bill)).toEqual({
      apiVersion: "v2",
      number: "SETP990000550",
      referenceCode: "FACT-2026-0124",
      isValidated: false,
      validatedAt: null,
      isRejected: true,
      errors: ["FAK24: Rechazo: El DV del NIT no es correcto"],
      key: "c0ffee",
      total: "119000.00",
      customerIdentification: "2343543",
      prefix: "SETP",
      qrUrl: "https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=c0ffee",
    });
    const note = await factus.creditNotes.get("NC1");
    expect(note.errors[0]).toBe("NSAX04: Notificación: No se encuentra el grupo TaxSubtotal");
    expect(documentView(note)).toMatchObject({ key: "cade", isValidated: true, isRejected: false });
    expect((await factus.bills.list()).data[0]?.errors[0]).toMatch(/^NSAX04: /);
  });

  it("documentView reads v1 bills and credit notes the same way", async () => {
    const { fetch } = versionedFactus(
      { tok: "v1" },
      {
        "GET /v1/bills/show/N1": example("facturas__ver.1"),
        "GET /v1/credit-notes/NC1": example("notas-credito__crear-y-validar.2"),
      },
    );
    const factus = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v1" });
    const bill = documentView(await factus.bills.get("N1"));
    expect(bill).toMatchObject({
      apiVersion: "v1",
      number: "SETP990000493",
      isValidated: true,
      prefix: "SETP",
    });
    const note = documentView(await factus.creditNotes.get("NC1"));
    expect(note).toMatchObject({ apiVersion: "v1", isValidated: true });
    expect(note.key).toBeTruthy();
  });
});

describe("catalogs of a v2 account come from v2's published tables, in v1's shape", () => {
  it("answers without a request once the version is known, one refused request to learn it", async () => {
    const { fetch, calls } = versionedFactus({ tok: "v2" }, {});
    const factus = new FactusClient({ accessToken: "tok", fetch, apiVersion: "auto" });
    expect(await factus.catalogs.municipalities("san gil")).toEqual([
      { id: 980, code: "68679", name: "San Gil", department: "Santander" },
    ]);
    expect(calls.map((call) => call.url.pathname)).toEqual(["/v1/municipalities"]);
    const units = await factus.catalogs.measurementUnits();
    for (const [id, code] of [
      [70, "94"],
      [414, "KGM"],
      [449, "LBR"],
      [512, "MTR"],
      [874, "GLL"],
    ] as const) {
      expect(units.find((unit) => unit.id === id)?.code).toBe(code);
    }
    expect((await factus.catalogs.countries("colombia"))[0]).toEqual({
      id: 46,
      code: "CO",
      name: "Colombia",
    });
    expect((await factus.catalogs.tributes()).map((tribute) => [tribute.id, tribute.code])).toEqual([
      [1, "01"],
      [4, "04"],
    ]);
    expect(await factus.catalogs.municipalities("BOGOTÁ")).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });
});
