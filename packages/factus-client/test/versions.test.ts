import type { FactusBill } from "@factus-edge/contracts";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type CreditNoteDocument,
  FactusAbortError,
  FactusApiError,
  FactusClient,
  FactusVersionError,
  FactusVersionMismatchError,
  MAX_REMEMBERED_TOKENS,
  type V1BillDocument,
  type V2BillDocument,
} from "../src";
import { example, jsonResponse } from "./fake-fetch";
import { envelope, v2Bill, v2Company, v2Range, versionedFactus } from "./v2-answers";

const accounts = { "tok-v1": "v1", "tok-v2": "v2", "tok-v2b": "v2" } as const;
const routes = {
  "GET /v1/company": example("empresas__ver.1"),
  "GET /v2/companies": envelope(v2Company),
  "GET /v1/bills/show/N1": example("facturas__ver.1"),
  "GET /v2/bills/N1": envelope(v2Bill()),
  "GET /v2/numbering-ranges": envelope({ data: [v2Range(1)], pagination: { current_page: 1, last_page: 1 } }),
  "GET /v1/bills/download-pdf/N1": example("facturas__descargar-factura.1"),
  "GET /v2/bills/N1/download-pdf": example("facturas__descargar-factura.1"),
};
const paths = (calls: { method: string; url: URL }[]) =>
  calls.map((call) => `${call.method} ${call.url.pathname}`);

describe('apiVersion "auto": each token\'s version is learnt from its first call', () => {
  it("a v1 token costs no extra call; a v2 token costs exactly one, then goes straight to v2", async () => {
    const { fetch, calls } = versionedFactus(accounts, routes);
    const factus = new FactusClient({ fetch, apiVersion: "auto" });

    expect((await factus.company.get({ accessToken: "tok-v1" })).apiVersion).toBe("v1");
    await factus.company.get({ accessToken: "tok-v1" });
    expect(paths(calls)).toEqual(["GET /v1/company", "GET /v1/company"]);

    calls.length = 0;
    const company = await factus.company.get({ accessToken: "tok-v2" });
    expect(company.apiVersion).toBe("v2");
    const bill = await factus.bills.get("N1", { accessToken: "tok-v2" });
    expect(bill.apiVersion).toBe("v2");
    await factus.bills.downloadPdf("N1", { accessToken: "tok-v2" });
    expect(paths(calls)).toEqual([
      "GET /v1/company", // the one extra call: 403 "Version de API no disponible para esta empresa"
      "GET /v2/companies",
      "GET /v2/bills/N1",
      "GET /v2/bills/N1/download-pdf",
    ]);
  });

  it("a new token is first tried on the version the client learnt last", async () => {
    const { fetch, calls } = versionedFactus(accounts, routes);
    const factus = new FactusClient({ fetch, apiVersion: "auto" });
    await factus.company.get({ accessToken: "tok-v2" });
    calls.length = 0;
    await factus.company.get({ accessToken: "tok-v2b" });
    expect(paths(calls)).toEqual(["GET /v2/companies"]);
  });

  it("concurrent first calls of one token still cost one extra call in all", async () => {
    const { fetch, calls } = versionedFactus(accounts, routes);
    const factus = new FactusClient({ fetch, apiVersion: "auto" });
    const bills = await Promise.all(
      Array.from({ length: 20 }, () => factus.bills.get("N1", { accessToken: "tok-v2" })),
    );
    expect(bills.every((bill) => bill.apiVersion === "v2")).toBe(true);
    expect(calls).toHaveLength(21);
    expect(paths(calls).filter((path) => path.startsWith("GET /v1/"))).toHaveLength(1);
  });

  it("a first call that teaches nothing (a 503) releases the calls waiting on it at once, not one by one", async () => {
    let sent = 0;
    const slowOutage: typeof fetch = async () => {
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 150));
      return jsonResponse({ message: "Mantenimiento" }, 503);
    };
    const factus = new FactusClient({
      fetch: slowOutage,
      accessToken: "t",
      apiVersion: "auto",
      maxRetries: 0,
    });
    const started = Date.now();
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => factus.company.get()));
    expect(outcomes.every((outcome) => outcome.status === "rejected")).toBe(true);
    expect(sent).toBe(6);
    expect(Date.now() - started).toBeLessThan(600); // one after another would take 6 × 150 ms
  });

  it("a call waiting for a token's first call stops when its signal aborts", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const factus = new FactusClient({ fetch: hanging, accessToken: "t", apiVersion: "auto", timeout: 300 });
    const first = factus.company.get().catch((error) => error);
    const controller = new AbortController();
    const second = factus.company.get({ signal: controller.signal }).catch((error) => error);
    setTimeout(() => controller.abort(), 20);
    expect(await second).toBeInstanceOf(FactusAbortError);
    await first;
  });

  it("remembers versions by a SHA-256 of the token, never the token, for at most MAX_REMEMBERED_TOKENS", async () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_REMEMBERED_TOKENS + 1 }, (_, index) => [`t${index}`, "v1" as const]),
    );
    const { fetch, calls } = versionedFactus(many, routes);
    const factus = new FactusClient({ fetch, apiVersion: "auto" });
    for (const token of Object.keys(many)) await factus.company.get({ accessToken: token });
    // biome-ignore lint/suspicious/noExplicitAny: a look at the private cache
    const known: Map<string, string> = (factus as any).versions.known;
    expect(known.size).toBe(MAX_REMEMBERED_TOKENS);
    expect([...known.keys()].every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(calls).toHaveLength(MAX_REMEMBERED_TOKENS + 1);
  });

  it("relearns when a remembered account answers the version 403 (moved to the other version)", async () => {
    const moving: Record<string, "v1" | "v2"> = { tok: "v1" };
    const { fetch, calls } = versionedFactus(moving, routes);
    const factus = new FactusClient({ fetch, apiVersion: "auto", accessToken: "tok" });
    await factus.company.get();
    moving.tok = "v2";
    expect((await factus.company.get()).apiVersion).toBe("v2");
    expect(paths(calls)).toEqual(["GET /v1/company", "GET /v1/company", "GET /v2/companies"]);
  });

  it("apiVersionOf asks Factus once per token (GET /v2/numbering-ranges), then answers from memory", async () => {
    const { fetch, calls } = versionedFactus(accounts, routes);
    const factus = new FactusClient({ fetch, apiVersion: "auto" });
    expect(await factus.apiVersionOf({ accessToken: "tok-v1" })).toBe("v1");
    expect(await factus.apiVersionOf({ accessToken: "tok-v1" })).toBe("v1");
    expect(await factus.apiVersionOf({ accessToken: "tok-v2" })).toBe("v2");
    expect(await factus.apiVersionOf({ accessToken: "tok-v2" })).toBe("v2");
    expect(paths(calls)).toEqual(["GET /v2/numbering-ranges", "GET /v2/numbering-ranges"]);
    // What it learnt is what the calls use: no extra call for either token.
    await factus.company.get({ accessToken: "tok-v2" });
    await factus.company.get({ accessToken: "tok-v1" });
    expect(paths(calls).slice(2)).toEqual(["GET /v2/companies", "GET /v1/company"]);
  });

  it("apiVersionOf takes a host without /v2 routes (404) for v1, and answers a pinned version without a call", async () => {
    const { fetch, calls } = versionedFactus({ tok: "v1" }, {});
    const old = new FactusClient({ fetch, accessToken: "tok", apiVersion: "auto" });
    // The fake answers the v2 probe with the version 403; a bare 404 is a host that predates v2.
    const bare = new FactusClient({
      fetch: async () => jsonResponse({ message: "Not Found" }, 404),
      accessToken: "tok",
    });
    expect(await bare.apiVersionOf()).toBe("v1");
    expect(await old.apiVersionOf()).toBe("v1");
    expect(await new FactusClient({ fetch, apiVersion: "v2" }).apiVersionOf()).toBe("v2");
    expect(await old.apiVersionOf({ apiVersion: "v2" })).toBe("v2");
    expect(calls).toHaveLength(1);
  });
});

describe("version errors", () => {
  it("the version 403 is FactusVersionMismatchError (a FactusApiError), a permission 403 is not", async () => {
    const { fetch } = versionedFactus(accounts, routes);
    const pinned = new FactusClient({ fetch, accessToken: "tok-v1", apiVersion: "v2", maxRetries: 0 });
    const error = await pinned.company.get().catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusVersionMismatchError);
    expect(error).toBeInstanceOf(FactusApiError);
    expect(error).toMatchObject({ status: 403, attemptedVersion: "v2", accountVersion: "v1" });

    const denied = new FactusClient({
      fetch: async () => jsonResponse({ message: "La empresa no tiene habilitada la facturación" }, 403),
      accessToken: "t",
      apiVersion: "auto",
    });
    const permission = await denied.company.get().catch((caught) => caught);
    expect(permission).toBeInstanceOf(FactusApiError);
    expect(permission).not.toBeInstanceOf(FactusVersionError);
  });

  it("a pinned client sends where it is pinned and never re-sends", async () => {
    const { fetch, calls } = versionedFactus(accounts, routes);
    const pinned = new FactusClient({ fetch, accessToken: "tok-v2", apiVersion: "v1" });
    await expect(pinned.bills.get("N1")).rejects.toBeInstanceOf(FactusVersionMismatchError);
    expect(paths(calls)).toEqual(["GET /v1/bills/show/N1"]);
  });

  it("a v1 bill create on a v2 account: one refused call, then refused before sending", async () => {
    const { fetch, calls } = versionedFactus(accounts, routes);
    const factus = new FactusClient({ fetch, accessToken: "tok-v2", apiVersion: "auto" });
    const request = example("facturas__crear-y-validar-factura__factura-avanzada.1");
    const first = await factus.bills.create(request).catch((caught) => caught);
    expect(first).toBeInstanceOf(FactusVersionMismatchError);
    expect(first.accountVersion).toBe("v2");
    const second = await factus.bills.create(request).catch((caught) => caught);
    expect(second).toBeInstanceOf(FactusVersionError);
    expect(second.status).toBeUndefined();
    expect(second.accountVersion).toBe("v2");
    expect(second.message).toContain("bills.createV2");
    expect(paths(calls)).toEqual(["POST /v1/bills/validate"]);
  });

  it("per call, a known apiVersion skips detection", async () => {
    const { fetch, calls } = versionedFactus(accounts, routes);
    const factus = new FactusClient({ fetch, apiVersion: "auto" });
    await factus.company.get({ accessToken: "tok-v2", apiVersion: "v2" });
    expect(paths(calls)).toEqual(["GET /v2/companies"]);
  });
});

describe("apiVersion left out: 0.1's types, version detection still on", () => {
  it("reads a v1 account as before; on a v2 account, version-neutral calls work and typed reads refuse", async () => {
    const { fetch, calls } = versionedFactus(accounts, routes);
    const factus = new FactusClient({ fetch });
    const bill = await factus.bills.get("N1", { accessToken: "tok-v1" });
    expect(bill.bill.number).toBe("SETP990000493");

    const refused = await factus.bills.get("N1", { accessToken: "tok-v2" }).catch((caught) => caught);
    expect(refused).toBeInstanceOf(FactusVersionMismatchError);
    expect(refused.accountVersion).toBe("v2");
    const pdf = await factus.bills.downloadPdf("N1", { accessToken: "tok-v2" });
    expect(pdf.file_name).toBeTruthy();
    const again = await factus.bills.get("N1", { accessToken: "tok-v2" }).catch((caught) => caught);
    expect(again).toBeInstanceOf(FactusVersionError);
    expect(again.message).toContain('apiVersion: "auto"');
    expect((await factus.company.get({ accessToken: "tok-v2" })).nit).toBe("1000789002");
    expect(paths(calls)).toEqual([
      "GET /v1/bills/show/N1",
      "GET /v1/bills/show/N1",
      "GET /v2/bills/N1/download-pdf",
      "GET /v2/companies",
    ]);
  });
});

describe("types follow the apiVersion option", () => {
  it("pinned: that version's shape; auto: either, discriminated; left out: 0.1's v1 types", () => {
    const v1 = new FactusClient({ apiVersion: "v1" });
    const v2 = new FactusClient({ apiVersion: "v2" });
    const auto = new FactusClient({ apiVersion: "auto" });
    const legacy = new FactusClient();
    expectTypeOf(v1.bills.get).returns.resolves.toEqualTypeOf<V1BillDocument>();
    expectTypeOf(v2.bills.get).returns.resolves.toEqualTypeOf<V2BillDocument>();
    expectTypeOf(auto.bills.get).returns.resolves.toEqualTypeOf<V1BillDocument | V2BillDocument>();
    expectTypeOf(legacy.bills.get).returns.resolves.toEqualTypeOf<V1BillDocument>();
    expectTypeOf(legacy.bills.get).returns.resolves.toExtend<FactusBill>();
    expectTypeOf(auto.creditNotes.get).returns.resolves.toEqualTypeOf<CreditNoteDocument>();
    expectTypeOf<FactusClient>().toEqualTypeOf(legacy);
  });
});
