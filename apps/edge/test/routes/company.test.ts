import { nitCheckDigit } from "@factus-edge/contracts";
import { describe, expect, it } from "vitest";
import {
  api,
  createFactusRange,
  emulatorAdmin,
  expectStatus,
  FACTUS_VERSIONS,
  newSession,
  seedInvoice,
} from "../helpers";

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  describe("the company and its subscription", () => {
    it("profile, documents left, and a 402 that explains itself", async () => {
      const session = await newSession({ factusVersion });
      const company = await expectStatus(await api(session, "/company"), 200);
      // The test emulator's v1 accounts are all its demo company; each v2 account is a company of its own.
      if (factusVersion === "v1")
        expect(company.data).toMatchObject({ nit: "900825759", dv: "7", name: "EMPRESA DEMO S.A.S." });
      else
        expect(company.data).toMatchObject({ nit: expect.stringMatching(/^\d{9}$/), dv: expect.any(String) });
      expect(company.data.dv).toBe(String(nitCheckDigit(company.data.nit)));

      await expectStatus(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), 201);
      const subscription = await expectStatus(await api(session, "/company/subscription"), 200);
      expect(subscription.data).toMatchObject({ documents_used: 1, is_expired: false });
      expect(subscription.data.documents_remaining).toBe(subscription.data.documents_total - 1);

      await emulatorAdmin(session, "/settings", { subscription_documents: 1 });
      const exhausted = await expectStatus(
        await api(session, "/invoices", { method: "POST", body: seedInvoice() }),
        402,
      );
      expect(exhausted.error).toMatchObject({
        code: "FACTUS_SUBSCRIPTION_EXHAUSTED",
        details: [
          { path: "subscription", message: expect.stringContaining("Usados 1 de 1 documentos; quedan 0") },
        ],
      });
    });
  });

  describe("numbering ranges, administration", () => {
    it("create, list the DIAN's, delete an unused one", async () => {
      const session = await newSession({ role: "admin", factusVersion });
      const range = { document: "21", prefix: "ADM", current: 1, resolution_number: "18760000009" };
      const bounded = await api(session, "/numbering-ranges", {
        method: "POST",
        body: { ...range, from: 1, to: 100 },
      });
      let created: { data: { id: number } };
      if (factusVersion === "v1") {
        created = await expectStatus(bounded, 201);
        expect(created.data).toMatchObject({ prefix: "ADM", from: 1, to: 100, is_active: true });
      } else {
        // v2 takes a range's bounds from DIAN's resolution: sending them is refused on each field, never dropped.
        const refused = await expectStatus(bounded, 422);
        expect(refused.error.code).toBe("NOT_AVAILABLE_ON_FACTUS_VERSION");
        expect(refused.error.details.map((detail: { path: string }) => detail.path)).toEqual(["from", "to"]);
        created = await expectStatus(
          await api(session, "/numbering-ranges", { method: "POST", body: range }),
          201,
        );
        expect(created.data).toMatchObject({ prefix: "ADM", is_active: true });
      }
      const dian = await expectStatus(await api(session, "/numbering-ranges/dian"), 200);
      expect(dian.data.map((range: { prefix: string }) => range.prefix)).toContain("SETP");
      await expectStatus(
        await api(session, `/numbering-ranges/${created.data.id}`, { method: "DELETE" }),
        200,
      );
      const gone = await expectStatus(
        await api(session, `/numbering-ranges/${created.data.id}`, { method: "DELETE" }),
        404,
      );
      expect(gone.error.code).toBe("NOT_FOUND");
    });

    it("are an admin's: a plain user may list the ranges but not create, delete or see the DIAN's", async () => {
      const session = await newSession({ factusVersion });
      const created = await createFactusRange(session, { prefix: "USR", from: 1, to: 10 });
      const refused = [
        await api(session, "/numbering-ranges", {
          method: "POST",
          body: { document: "21", prefix: "NOP", current: 1, resolution_number: "1" },
        }),
        await api(session, `/numbering-ranges/${created.id}`, { method: "DELETE" }),
        await api(session, "/numbering-ranges/dian"),
      ];
      for (const response of refused) {
        const body = await expectStatus(response, 403);
        expect(body.error.code).toBe("FORBIDDEN");
        expect(body.message).toContain("rol admin");
      }
      const ranges = await expectStatus(await api(session, "/numbering-ranges"), 200);
      const prefixes = ranges.data.map((range: { prefix: string }) => range.prefix);
      expect(prefixes).toContain("USR");
      expect(prefixes).not.toContain("NOP");
    });
  });
});
