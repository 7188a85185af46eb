import { beforeAll, describe, expect, it } from "vitest";
import { API, api, call, expectStatus, FACTUS_VERSIONS, json, newSession, type Session } from "../helpers";

// The routes beside the documents: an account's ranges, the catalogs, the service's health.

let session: Session;

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  beforeAll(async () => {
    session = await newSession({ factusVersion });
  });

  describe("numbering ranges, lookups and health", () => {
    it("numbering ranges", async () => {
      const body = await expectStatus(await api(session, "/numbering-ranges?is_active=1"), 200);
      expect(body.data.find((range: { prefix: string }) => range.prefix === "SETP")).toMatchObject({
        id: 4,
        is_active: true,
      });
    });

    it("lookups: municipalities, taxes, units, countries, acquirer, reference tables", async () => {
      const municipalities = await expectStatus(
        await api(session, "/lookups/municipalities?name=San%20Gil"),
        200,
      );
      expect(municipalities.data).toEqual([
        { id: 980, code: "68679", name: "San Gil", department: "Santander" },
      ]);
      expect((await expectStatus(await api(session, "/lookups/taxes"), 200)).data[0]).toMatchObject({
        id: 1,
        code: "01",
        name: "IVA",
      });
      // v2 publishes DIAN's whole unit table (every "kilo…": kilovatio, kilómetro…), v1 lists a few units.
      const units = (await expectStatus(await api(session, "/lookups/units?name=kilo"), 200)).data;
      if (factusVersion === "v1") expect(units).toEqual([{ id: 414, code: "KGM", name: "kilogramo" }]);
      else expect(units).toContainEqual({ id: 414, code: "KGM", name: "kilogramo" });
      expect((await expectStatus(await api(session, "/lookups/countries?name=colombia"), 200)).data).toEqual([
        { id: 46, code: "CO", name: "Colombia" },
      ]);
      const acquirer = await expectStatus(
        await api(session, "/lookups/acquirer?identification_document_id=3&identification_number=12345678"),
        200,
      );
      expect(acquirer.data.name).toContain("12345678");
      const tables = await expectStatus(
        await call(`${API}/lookups/reference-tables`, {
          headers: { authorization: `Bearer ${session.jwt}` },
        }),
        200,
      );
      expect(tables.data.payment_method_code).toContainEqual({ code: "10", name: "Efectivo" });
    });

    it("health needs no auth and every response carries X-Request-Id (honouring a well-formed one)", async () => {
      const response = await call(`${API}/health`, { headers: { "x-request-id": "client-req-0001" } });
      expect(await json(response)).toEqual({ message: "Servicio disponible", data: { status: "ok" } });
      expect(response.headers.get("x-request-id")).toBe("client-req-0001");
      const minted = await call(`${API}/health`, { headers: { "x-request-id": "bad id with spaces" } });
      expect(minted.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
