import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { billViewOfV2, v1Notification } from "../../src/factus/v2-views";
import { readConfig } from "../../src/platform/config";
import { api, expectStatus, newSession, seedInvoice } from "../helpers";

// A company whose Factus account is v2 issues through the same public API: the same request, the same answers, the
// legal document's own totals. What v2 cannot carry is refused on its field, never dropped.

const create = (session: Awaited<ReturnType<typeof newSession>>, body: unknown) =>
  api(session, "/invoices", { method: "POST", body });

describe("a company on Factus v2", () => {
  // Seed 004's numbers on v2 (net prices): rounding.test.ts, which runs on both versions.

  it("the seed as published (tax-inclusive prices) issues; any cent v2 moves is told in `rounding`", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const created = await expectStatus(await create(session, seedInvoice()), 201);
    const detail = await expectStatus(await api(session, `/invoices/${created.data.number}`), 200);
    expect(detail.data.data.bill.total).toBe(created.data.total);
    if (created.data.rounding) {
      expect(created.data.rounding.issued_total).toBe(created.data.total);
      expect(created.data.rounding.difference).not.toBe(0);
    }
  });

  it("a field v2 cannot carry (ReteICA) is a 422 NOT_AVAILABLE_ON_FACTUS_VERSION on that field", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const invoice = seedInvoice();
    const items = [
      { ...invoice.items[0]!, withholding_taxes: [{ code: "07", withholding_tax_rate: "0.77" }] },
    ];
    Object.assign(invoice, { items });
    const refused = await expectStatus(await create(session, invoice), 422);
    expect(refused.error.code).toBe("NOT_AVAILABLE_ON_FACTUS_VERSION");
    expect(refused.error.details).toContainEqual(
      expect.objectContaining({ path: "items.0.withholding_taxes.0.code" }),
    );
  });

  it("v1 and v2 companies side by side: each token goes to its own account's version", async () => {
    const [v1, v2] = await Promise.all([newSession(), newSession({ factusVersion: "v2" })]);
    const [one, two] = await Promise.all([create(v1, seedInvoice()), create(v2, seedInvoice())]);
    await expectStatus(one, 201);
    await expectStatus(two, 201);
    const company = await expectStatus(await api(v2, "/company"), 200);
    const subscription = await expectStatus(await api(v2, "/company/subscription"), 200);
    expect(company.data.nit).not.toBe((await expectStatus(await api(v1, "/company"), 200)).data.nit);
    expect(subscription.data.documents_used).toBeGreaterThan(0);
  });

  it("FACTUS_API_VERSION pinned: v2 serves a v2 company with no probe; v1 tells a v2 company it cannot", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const pinned = (version: "v1" | "v2") => {
      const app = createApp({ ...readConfig(env), factusApiVersion: version });
      return async (path: string, init: RequestInit = {}) =>
        (await app).request(`http://edge.test${path}`, init, env);
    };
    await expectStatus(
      await api(session, "/invoices", { method: "POST", body: seedInvoice(), via: pinned("v2") }),
      201,
    );
    const refused = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: seedInvoice(), via: pinned("v1") }),
      422,
    );
    expect(refused.error.code).toBe("NOT_AVAILABLE_ON_FACTUS_VERSION");
  });
});

describe("v2 answers the gateway reads with care", () => {
  it("a bill whose answer does not name its credit notes is read as unknown, never as none; rule keys in v1's words", () => {
    const bill = {
      apiVersion: "v2",
      number: "SETP1",
      reference_code: "R-1",
      is_validated: false,
      validated_at: null,
      errors: ["90: Rechazo: Documento procesado anteriormente"],
      created_at: "2026-12-03 10:00:00",
      cufe: null,
      payment_details: [],
      numbering_range: { prefix: "SETP" },
      company: { nit: "900825759", establishment: { name: "EMPRESA DEMO S.A.S." } },
      customer: { identification_document: { code: "31", name: "NIT" }, identification: "900123456" },
      items: [],
      totals: { total: "0.00" },
    } as unknown as Parameters<typeof billViewOfV2>[0];
    const view = billViewOfV2(bill);
    expect(view.credit_notes).toBeNull();
    expect(view.bill.errors).toEqual(["Regla: 90, Rechazo: Documento procesado anteriormente"]);
    expect(v1Notification("Regla: FAJ43b, Notificación: x")).toBe("Regla: FAJ43b, Notificación: x");
    expect(v1Notification("FAJ43b: Notificación: x")).toBe("Regla: FAJ43b, Notificación: x");
  });
});
