import { describe, expect, it } from "vitest";
import { FactusClient, FactusInvalidRequestError } from "../src";
import { example, fakeFetch, jsonResponse } from "./fake-fetch";

const credentials = { clientId: "id", clientSecret: "secret" };

describe("request building", () => {
  it("sends the password grant form-encoded with the client credentials, and parses the token", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(example("autenticacion__auth.1")));
    const client = new FactusClient({ baseURL: "https://factus.test/", credentials, fetch });
    const token = await client.auth.passwordGrant({ username: "a@b.co", password: "p&ss=word" });
    expect(token).toMatchObject({ token_type: "Bearer", expires_in: 600 });
    expect(calls[0]?.url.toString()).toBe("https://factus.test/oauth/token");
    expect(calls[0]?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(calls[0]?.body))).toEqual({
      grant_type: "password",
      client_id: "id",
      client_secret: "secret",
      username: "a@b.co",
      password: "p&ss=word",
    });
    expect(calls[0]?.headers.get("authorization")).toBeNull();
  });

  it("builds filter[...] queries, encodes path segments, sends the bearer token and a request id", async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url.pathname === "/v1/bills"
        ? jsonResponse(example("facturas__ver-y-filtrar.1"))
        : jsonResponse(example("facturas__ver.1")),
    );
    const client = new FactusClient({ baseURL: "https://factus.test", accessToken: "tok", fetch });
    const page = await client.bills.list({ identification: "123", status: 1, page: 2, names: undefined });
    expect(page.data).toHaveLength(10);
    expect(calls[0]?.url.search).toBe("?filter%5Bidentification%5D=123&filter%5Bstatus%5D=1&page=2");
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer tok");
    expect(calls[0]?.headers.get("accept")).toBe("application/json");
    expect(calls[0]?.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    await client.bills.get("SETP 99/1", { requestId: "req-1", accessToken: "other" });
    expect(calls[1]?.url.pathname).toBe("/v1/bills/show/SETP%2099%2F1");
    expect(calls[1]?.headers.get("x-request-id")).toBe("req-1");
    expect(calls[1]?.headers.get("authorization")).toBe("Bearer other");
  });

  it("uses the sandbox host by default and production on request", () => {
    expect(new FactusClient().baseURL).toBe("https://api-sandbox.factus.com.co");
    expect(new FactusClient({ environment: "production" }).baseURL).toBe("https://api.factus.com.co");
  });

  it("validates a bill before sending it and sends the normalized Factus body", async () => {
    const { fetch, calls } = fakeFetch(() =>
      jsonResponse(example("facturas__crear-y-validar-factura__factura-avanzada.2"), 201),
    );
    const client = new FactusClient({ accessToken: "tok", fetch });
    const request = example("facturas__crear-y-validar-factura__factura-avanzada.1");
    const bill = await client.bills.create(request);
    expect(bill.bill.number).toBe("SETP990000493");
    const sent = JSON.parse(calls[0]?.body ?? "{}");
    expect(sent.customer).toMatchObject({ legal_organization_id: 2, tribute_id: 21, municipality_id: 980 });
    expect(sent.items[0]).toMatchObject({ tax_rate: 19, price: 50000 });

    const error = await client.bills.create({ ...request, items: [] }).catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusInvalidRequestError);
    expect(error.issues[0].field).toBe("items");
    expect(calls).toHaveLength(1);
  });

  it("reaches every resource at its documented path", async () => {
    const bodies: Record<string, unknown> = {
      "GET /v1/bills/download-pdf/N1": example("facturas__descargar-factura.1"),
      "GET /v1/bills/download-xml/N1": example("facturas__descargar-xml.1"),
      "DELETE /v1/bills/destroy/reference/R1": example("facturas__eliminar.1"),
      "POST /v1/bills/send-email/N1": example("facturas__enviar-correo.1"),
      "GET /v1/bills/N1/email-content": example("facturas__obtener-contenido-de-correo.1"),
      "GET /v1/bills/N1/radian/events": example("facturas__eventos-de-facturas.1"),
      "GET /v1/credit-notes": example("notas-credito__ver-filtrar.1"),
      "GET /v1/credit-notes/NC1": example("notas-credito__crear-y-validar.2"),
      "GET /v1/credit-notes/download-pdf/NC1": example("notas-credito__descargar-pdf.1"),
      "GET /v1/credit-notes/download-xml/NC1": example("notas-credito__descargar-xml.1"),
      "DELETE /v1/credit-notes/reference/R2": example("notas-credito__eliminar.1"),
      "GET /v1/numbering-ranges": example("rangos-de-numeracion__obtener-rangos.1"),
      "GET /v1/numbering-ranges/4": example("rangos-de-numeracion__ver-rango.1"),
      "DELETE /v1/numbering-ranges/4": example("rangos-de-numeracion__eliminar-rango.1"),
      "GET /v1/numbering-ranges/dian": example("rangos-de-numeracion__rangos-asociados-al-software.1"),
      "GET /v1/municipalities": example("municipios__obtener-municipios.1"),
      "GET /v1/countries": example("paises__obtener-paises.1"),
      "GET /v1/tributes/products": example("tributos__tributos-de-productos.1"),
      "GET /v1/measurement-units": example("unidades-de-medida__obtener-unidades.1"),
      "GET /v1/dian/acquirer": example("informacion-adquirientes__obtener-datos-adquiriente.1"),
      "GET /v1/company": example("empresas__ver.1"),
    };
    const { fetch, calls } = fakeFetch((call) => {
      const body = bodies[`${call.method} ${call.url.pathname}`];
      return body ? jsonResponse(body) : jsonResponse({ message: "no route" }, 404);
    });
    const client = new FactusClient({ accessToken: "tok", fetch });
    await client.bills.downloadPdf("N1");
    await client.bills.downloadXml("N1");
    expect(await client.bills.delete("R1")).toContain("eliminado");
    expect(await client.bills.sendEmail("N1", { email: "a@b.co" })).toContain("enviada");
    await client.bills.emailContent("N1");
    expect(await client.bills.events("N1")).toHaveLength(3);
    await client.creditNotes.list({ number: "NC" });
    await client.creditNotes.get("NC1");
    await client.creditNotes.downloadPdf("NC1");
    await client.creditNotes.downloadXml("NC1");
    await client.creditNotes.delete("R2");
    expect(await client.numberingRanges.list({ document: "21", is_active: 1 })).toHaveLength(10);
    expect((await client.numberingRanges.get(4)).prefix).toBe("SEPT");
    await client.numberingRanges.delete(4);
    await client.numberingRanges.dian();
    await client.catalogs.municipalities("san");
    await client.catalogs.countries();
    await client.catalogs.tributes();
    await client.catalogs.measurementUnits();
    expect(
      await client.catalogs.acquirer({ identificationDocumentId: 3, identificationNumber: "5" }),
    ).toHaveProperty("name");
    expect((await client.company.get()).nit).toBe("900825759");
    expect(
      calls.find((call) => call.url.pathname === "/v1/numbering-ranges" && call.method === "GET")?.url.search,
    ).toBe("?filter%5Bdocument%5D=21&filter%5Bis_active%5D=1&page=1");
    expect(calls.find((call) => call.url.pathname === "/v1/municipalities")?.url.search).toBe("?name=san");
    expect(calls.find((call) => call.url.pathname === "/v1/dian/acquirer")?.url.search).toBe(
      "?identification_document_id=3&identification_number=5",
    );
  });

  it("calls fetch unbound", async () => {
    let receiver: unknown = "unset";
    const fetch = function (this: unknown) {
      receiver = this;
      return Promise.resolve(jsonResponse(example("empresas__ver.1")));
    } as unknown as typeof globalThis.fetch;
    await new FactusClient({ accessToken: "t", fetch }).company.get();
    expect(receiver).toBeUndefined();
  });
});

describe("numbering ranges, paged by Factus 10 at a time", () => {
  it("lists every page", async () => {
    const range = (id: number) => ({
      ...example("rangos-de-numeracion__ver-rango.1").data,
      id,
      document: "Factura",
    });
    const page = (current: number, ids: number[]) =>
      jsonResponse({
        status: "OK",
        message: "Solicitud exitosa",
        data: {
          data: ids.map(range),
          pagination: {
            total: 12,
            per_page: 10,
            current_page: current,
            last_page: 2,
            from: 1,
            to: 10,
            links: [],
          },
        },
      });
    const { fetch, calls } = fakeFetch((call) =>
      call.url.searchParams.get("page") === "2"
        ? page(2, [11, 12])
        : page(1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    );
    const client = new FactusClient({ accessToken: "t", fetch });
    const ranges = await client.numberingRanges.list();
    expect(ranges.map((entry) => entry.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(calls).toHaveLength(2);
  });
});

describe("where a request may go", () => {
  it("never follows a redirect (the bearer token would travel with it), and refuses '.' or '..' as a segment", async () => {
    const { fetch, calls } = fakeFetch(
      () => new Response(null, { status: 302, headers: { location: "https://x" } }),
    );
    const client = new FactusClient({ accessToken: "t", fetch, maxRetries: 0 });
    await expect(client.bills.get("SETP1")).rejects.toMatchObject({ status: 302 });
    expect(calls[0]?.redirect).toBe("manual");
    await expect(client.bills.delete("..")).rejects.toBeInstanceOf(FactusInvalidRequestError);
    await expect(client.bills.delete(".")).rejects.toBeInstanceOf(FactusInvalidRequestError);
    expect(calls).toHaveLength(1);
  });

  it("reaches support documents and adjustment notes at their v1 paths (the credit notes' where undocumented)", async () => {
    const bodies: Record<string, unknown> = {
      "POST /v1/support-documents/validate": example("documentos-soporte__crear-validar.2"),
      "GET /v1/support-documents": example("documentos-soporte__ver-y-filtrar.1"),
      "GET /v1/support-documents/SEDS984000021": example("documentos-soporte__ver.1"),
      "GET /v1/support-documents/download-pdf/SEDS984000021": example(
        "documentos-soporte__descargar-documento-soporte.1",
      ),
      "GET /v1/support-documents/download-xml/SEDS984000021": example("documentos-soporte__descargar-xml.1"),
      "DELETE /v1/support-documents/reference/REF0017": example("documentos-soporte__eliminar.1"),
      "GET /v1/adjustment-notes/download-pdf/NA1": example(
        "notas-ajuste-documentos-soporte__descargar-nota-ajuste-soporte-pdf.1",
      ),
      "GET /v1/adjustment-notes/download-xml/NA1": example(
        "notas-ajuste-documentos-soporte__descargar-xml.1",
      ),
      "DELETE /v1/adjustment-notes/reference/REF007": example("notas-ajuste-documentos-soporte__eliminar.1"),
    };
    const { fetch, calls } = fakeFetch((call) => {
      const body = bodies[`${call.method} ${call.url.pathname}`];
      return body ? jsonResponse(body) : jsonResponse({ message: "no route" }, 404);
    });
    const client = new FactusClient({ accessToken: "tok", fetch, apiVersion: "v1" });
    const created = await client.supportDocuments.create(example("documentos-soporte__crear-validar.1"));
    expect(created).toMatchObject({
      apiVersion: "v1",
      support_document: { number: "SEDS984000021", total: "90000.00" },
    });
    expect(JSON.parse(calls[0]?.body ?? "{}").provider).toMatchObject({
      identification_document_id: 6,
      is_resident: 1,
    });
    const page = await client.supportDocuments.list({ number: "SEDS984000021" });
    expect(page.data.map((row) => row.number)).toEqual(["SEDS984000021"]);
    expect(calls[1]?.url.search).toBe("?filter%5Bnumber%5D=SEDS984000021&page=1");
    expect((await client.supportDocuments.get("SEDS984000021")).withholding_taxes).toEqual([
      { tribute_code: "06", name: "ReteRenta", value: "1400.00" },
    ]);
    await client.supportDocuments.downloadPdf("SEDS984000021");
    await client.supportDocuments.downloadXml("SEDS984000021");
    expect(await client.supportDocuments.delete("REF0017")).toContain("eliminado");
    await client.adjustmentNotes.downloadPdf("NA1");
    await client.adjustmentNotes.downloadXml("NA1");
    expect(await client.adjustmentNotes.delete("REF007")).toContain("eliminado");
    // The v1 page's own (v2-shaped) example names the support document by number: refused before sending.
    const error = await client.adjustmentNotes
      .create(example("notas-ajuste-documentos-soporte__crear-validar.1"))
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusInvalidRequestError);
    expect(calls.every((call) => call.url.pathname !== "/v1/adjustment-notes/validate")).toBe(true);
  });
});

describe("resources loaded on their first call", () => {
  it("are no promise before it (awaiting one gives it back), and every call goes to the loaded resource", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(example("facturas__ver.1")));
    const client = new FactusClient({
      baseURL: "https://factus.test",
      accessToken: "tok",
      fetch,
      apiVersion: "v1",
    });
    expect(await client.bills).toBe(client.bills);
    expect(calls).toHaveLength(0);
    const [first, second] = await Promise.all([
      client.bills.get("SETP990000001"),
      client.bills.get("SETP990000002"),
    ]);
    expect(first.apiVersion).toBe("v1");
    expect(second.apiVersion).toBe("v1");
    expect(calls.map((call) => call.url.pathname)).toEqual([
      "/v1/bills/show/SETP990000001",
      "/v1/bills/show/SETP990000002",
    ]);
  });
});
