import { env } from "cloudflare:workers";
import { nitCheckDigit } from "@factus-edge/contracts";
import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config";
import { companyOf, DEMO_COMPANY, DEMO_V2_COMPANY } from "../src/services/company";
import { emulatorCredentials, emulatorV2Credentials } from "../testing/helpers";
import { api, emulator, exampleBill, exampleV2Bill, json } from "./helpers";

// Each account is a company of its own: its NIT (with DIAN's check digit), its name, its ranges.

const companyOfAccount = async (username: string, path: string) => {
  const token = await emulator.forAccount(username).accessToken();
  return { token, company: (await json(await api(token, path))).data };
};

describe("each account is its own company", () => {
  it("two accounts, two issuers with valid NITs; the same username, the same issuer", async () => {
    const name = `empresa-${crypto.randomUUID()}@tenant.test`;
    const first = (await companyOfAccount(name, "/v1/company")).company;
    const other = (await companyOfAccount(`otra-${crypto.randomUUID()}@tenant.test`, "/v1/company")).company;
    expect(first.nit).not.toBe(other.nit);
    for (const company of [first, other]) {
      expect(company.nit).toMatch(/^[89]\d{8}$/);
      expect(company.dv).toBe(String(nitCheckDigit(company.nit)));
    }
    expect(first.company).toMatch(/^EMPRESA EMPRESA-.* S\.A\.S\.$/);
    expect((await companyOfAccount(name, "/v1/company")).company).toEqual(first);
  });

  it("documents carry their account's issuer; every account starts with a range per document it issues", async () => {
    const v1 = await companyOfAccount(`issuer-${crypto.randomUUID()}@tenant.test`, "/v1/company");
    const ranges = (await json(await api(v1.token, "/v1/numbering-ranges"))).data.data;
    expect(
      ranges.map((range: { document: string; is_active: number }) => [range.document, range.is_active]),
    ).toEqual([
      ["Factura de Venta", 1],
      ["Nota Crédito", 1],
      ["Documento Soporte", 1],
      ["Nota de Ajuste Documento Soporte", 1],
    ]);
    const bill = (
      await json(await api(v1.token, "/v1/bills/validate", { method: "POST", body: exampleBill(4) }))
    ).data;
    expect(bill.company).toMatchObject({
      nit: v1.company.nit,
      dv: v1.company.dv,
      company: v1.company.company,
    });

    const v2 = await companyOfAccount(`issuer-v2-${crypto.randomUUID()}@tenant.test`, "/v2/companies");
    const created = (
      await json(await api(v2.token, "/v2/bills/validate", { method: "POST", body: exampleV2Bill() }))
    ).data;
    expect(created.company).toMatchObject({ nit: v2.company.nit, dv: v2.company.dv });
    expect(created.company.establishment.name).toBe(v2.company.company);
  });

  it("the seeded accounts are the demo companies", async () => {
    expect((await companyOfAccount(emulatorCredentials.username, "/v1/company")).company).toMatchObject({
      nit: "900825759",
      dv: "7",
      company: "EMPRESA DEMO S.A.S.",
    });
    expect((await companyOfAccount(emulatorV2Credentials.username, "/v2/companies")).company).toMatchObject({
      nit: "901724254",
      dv: "1",
      company: "EMPRESA DEMO V2 S.A.S.",
    });
  });

  it("SHARED_V1_COMPANY (the test kit's setting) makes every v1 account the seeded company, not v2 ones", () => {
    const shared = { ...readConfig(env), sharedV1Company: true };
    expect(companyOf("any@tenant.test", "v1", shared)).toEqual(DEMO_COMPANY);
    expect(companyOf("any-v2@tenant.test", "v2", shared).nit).not.toBe(DEMO_V2_COMPANY.nit);
    expect(companyOf("any@tenant.test", "v1", readConfig(env)).nit).not.toBe(DEMO_COMPANY.nit);
    // A suite that needs a company of its own asks for it by name.
    expect(companyOf("own-any@tenant.test", "v1", shared).nit).not.toBe(DEMO_COMPANY.nit);
  });
});
