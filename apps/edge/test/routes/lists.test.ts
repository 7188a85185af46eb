import { beforeAll, describe, expect, it } from "vitest";
import {
  api,
  createFactusRange,
  expectStatus,
  FACTUS_VERSIONS,
  newSession,
  seedInvoice,
  type Session,
} from "../helpers";

// Lists are complete: Factus pages everything 10 at a time.

let session: Session;

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  beforeAll(async () => {
    session = await newSession({ factusVersion });
  });

  describe("GET /invoices honours per_page over Factus' fixed pages of 10", () => {
    it("slices across Factus pages, newest first, and refuses more than 50", async () => {
      const prefix = `PP${crypto.randomUUID().slice(0, 6)}`;
      for (let index = 0; index < 12; index++) {
        await expectStatus(
          await api(session, "/invoices", {
            method: "POST",
            body: seedInvoice({ reference_code: `${prefix}-${index}` }),
          }),
          201,
        );
      }
      const all = await expectStatus(
        await api(session, `/invoices?reference_code=${prefix}&per_page=50`),
        200,
      );
      expect(all.data.items).toHaveLength(12);
      expect(all.data.pagination).toEqual({ page: 1, per_page: 50, total: 12, last_page: 1 });
      const numbers = all.data.items.map((item: { number: string }) => item.number);

      const second = await expectStatus(
        await api(session, `/invoices?reference_code=${prefix}&per_page=5&page=2`),
        200,
      );
      expect(second.data.items.map((item: { number: string }) => item.number)).toEqual(numbers.slice(5, 10));
      expect(second.data.pagination).toEqual({ page: 2, per_page: 5, total: 12, last_page: 3 });

      const third = await expectStatus(
        await api(session, `/invoices?reference_code=${prefix}&per_page=7&page=2`),
        200,
      );
      expect(third.data.items.map((item: { number: string }) => item.number)).toEqual(numbers.slice(7, 12));

      const refused = await expectStatus(await api(session, "/invoices?per_page=51"), 422);
      expect(refused.error.details[0].path).toBe("query.per_page");
    });
  });

  describe("GET /numbering-ranges walks every Factus page", () => {
    it("answers all 13 ranges of an account with 12 of its own and the seeded ones", async () => {
      for (let index = 0; index < 12; index++) await createFactusRange(session, { prefix: `R${index}` });
      const ranges = await expectStatus(await api(session, "/numbering-ranges"), 200);
      expect(ranges.data.length).toBeGreaterThan(12);
      expect(new Set(ranges.data.map((range: { id: number }) => range.id)).size).toBe(ranges.data.length);
    });
  });
});
