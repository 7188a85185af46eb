import {
  FactusV2AcquirerResponse,
  FactusV2CompanyResponse,
  FactusV2DianRanges,
  FactusV2Message,
  FactusV2NumberingRangePage,
  FactusV2NumberingRangeResponse,
  FactusV2Subscriptions,
  FactusV2Token,
} from "@factus-edge/contracts/factus-v2";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorV2Credentials } from "../testing/helpers";
import {
  api,
  call,
  emulator,
  expectSchema,
  expectShape,
  json,
  newV2Account,
  shapeMismatches,
} from "./helpers";
import * as examples from "./v2-examples";

// The account-level v2 routes: token, numbering ranges, company, acquirer, subscriptions.

let token: string;
beforeAll(async () => {
  ({ token } = await newV2Account("account"));
});

describe("a v2 account", () => {
  it("signs in with the published token shape (the seeded v2 account too)", async () => {
    const response = await emulator.forAccount(emulatorV2Credentials.username).passwordGrant();
    const body = await json(response);
    expect(response.status).toBe(200);
    expect(shapeMismatches(examples.token, body)).toEqual([]);
    expectSchema(FactusV2Token, body);
    const refreshed = await call("/oauth/token", {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "refresh_token",
        client_id: emulatorV2Credentials.clientId,
        client_secret: emulatorV2Credentials.clientSecret,
        refresh_token: body.refresh_token,
      }),
    });
    const again = await json(refreshed);
    expect(shapeMismatches(examples.refreshedToken, again)).toEqual([]);
    expect((await api(again.access_token, "/v2/companies")).status).toBe(200);
  });

  it("starts with an active range for each document v2 issues", async () => {
    const page = expectSchema(
      FactusV2NumberingRangePage,
      await json(await api(token, "/v2/numbering-ranges")),
    );
    expect(page.data.data.map((range) => [range.document, range.prefix, range.is_active])).toEqual([
      ["Factura de Venta", "SETP", true],
      ["Nota Crédito", "NC", true],
      ["Nota Débito", "ND", true],
      ["Documento Soporte", "SEDS", true],
      ["Nota de Ajuste Documento Soporte", "NA", true],
    ]);
    const shown = await json(await api(token, "/v2/numbering-ranges/4"));
    expect(expectSchema(FactusV2NumberingRangeResponse, shown).data).toMatchObject({
      document: "21",
      document_name: "Factura de Venta",
      is_active: true,
    });
    const dian = expectSchema(FactusV2DianRanges, await json(await api(token, "/v2/numbering-ranges/dian")));
    expect(dian.data.map((range) => range.prefix)).toEqual(["SETP", "SEDS"]);
  });

  it("creates ranges from the published examples; moves, toggles and deletes them", async () => {
    const { token } = await newV2Account("ranges");
    for (const example of [examples.billRange, examples.creditNoteRange, examples.supportDocumentRange]) {
      const response = await api(token, "/v2/numbering-ranges", { method: "POST", body: example });
      const body = await json(response);
      expect(response.status, JSON.stringify(body)).toBe(201);
      expect(expectSchema(FactusV2NumberingRangeResponse, body).data).toMatchObject({
        document: example.document,
        prefix: example.prefix,
        current: example.current,
      });
    }
    const tooLong = await api(token, "/v2/numbering-ranges", {
      method: "POST",
      body: { ...examples.billRange, prefix: "SETPX" },
    });
    expect(tooLong.status).toBe(422);

    const created = (await json(await api(token, "/v2/numbering-ranges?filter[document]=21"))).data.data.at(
      -1,
    );
    const moved = await api(token, `/v2/numbering-ranges/${created.id}/current`, {
      method: "PATCH",
      body: { current: created.current + 5 },
    });
    expect((await json(moved)).data.current).toBe(created.current + 5);
    const toggled = await json(
      await api(token, `/v2/numbering-ranges/${created.id}/toggle-status`, { method: "PATCH" }),
    );
    expect(toggled.data.is_active).toBe(false);
    const inactive = await json(await api(token, "/v2/numbering-ranges?filter[is_active]=0"));
    expect(inactive.data.data.map((range: { id: number }) => range.id)).toEqual([created.id]);

    const deleted = await api(token, `/v2/numbering-ranges/${created.id}`, { method: "DELETE" });
    expectSchema(FactusV2Message, await expectShape(deleted, examples.rangeDeleted));
    expect((await api(token, `/v2/numbering-ranges/${created.id}`)).status).toBe(404);
  });

  it("company, acquirer, subscriptions", async () => {
    const company = expectSchema(FactusV2CompanyResponse, await json(await api(token, "/v2/companies")));
    expect(company.data).toMatchObject({ nit: expect.stringMatching(/^\d{9}$/) });
    const acquirer = await expectShape(
      await api(token, "/v2/dian/acquirer?identification_document_code=13&identification_number=12345678"),
      examples.acquirer,
    );
    expect(expectSchema(FactusV2AcquirerResponse, acquirer).data.name).toContain("Cédula de ciudadanía");
    const byV1Id = await api(token, "/v2/dian/acquirer?identification_document_id=3&identification_number=1");
    expect(byV1Id.status).toBe(422);
    const plans = expectSchema(FactusV2Subscriptions, await json(await api(token, "/v2/subscriptions")));
    expect(plans.data.filter((plan) => plan.is_active)).toHaveLength(1);
    expect((await api(token, "/v2/subscriptions/current")).status).toBe(404);
  });
});
