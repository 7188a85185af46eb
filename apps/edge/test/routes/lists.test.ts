import { colombiaToday } from "@factus-edge/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import {
  api,
  createFactusRange,
  expectStatus,
  FACTUS_VERSIONS,
  newSession,
  type Session,
  seedInvoice,
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

  describe("created_from / created_to, Colombia's calendar: native on v2, a bounded walk on v1", () => {
    const dayAfter = (day: string, days: number) =>
      new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

    it("today's documents are in today's range and in no other; a bad date is a 422 on its field", async () => {
      const own = await newSession({ factusVersion });
      const invoice = await expectStatus(
        await api(own, "/invoices", { method: "POST", body: seedInvoice() }),
        201,
      );
      const today = colombiaToday();
      const numbers = async (query: string) =>
        (await expectStatus(await api(own, `/invoices?${query}`), 200)).data.items.map(
          (item: { number: string }) => item.number,
        );
      expect(await numbers(`created_from=${today}&created_to=${today}`)).toEqual([invoice.data.number]);
      expect(await numbers(`created_from=${dayAfter(today, -30)}`)).toEqual([invoice.data.number]);
      expect(await numbers(`created_to=${dayAfter(today, -1)}`)).toEqual([]);
      expect(await numbers(`created_from=${dayAfter(today, 1)}`)).toEqual([]);
      const notes = await expectStatus(await api(own, `/credit-notes?created_from=${today}`), 200);
      expect(notes.data.items).toEqual([]);
      const refused = await expectStatus(await api(own, "/invoices?created_from=2026-02-30"), 422);
      expect(refused.error.details[0].path).toBe("query.created_from");
    });

    it("a range past 5 Factus pages: v1 says to narrow it (422), v2 answers it", async () => {
      const own = await newSession({ factusVersion });
      for (let index = 0; index < 51; index++)
        await expectStatus(await api(own, "/invoices", { method: "POST", body: seedInvoice() }), 201);
      const response = await api(own, `/invoices?created_from=${dayAfter(colombiaToday(), -1)}`);
      if (factusVersion === "v1") {
        const body = await expectStatus(response, 422);
        expect(body.error.details[0].path).toBe("query.created_from");
      } else {
        expect((await expectStatus(response, 200)).data.pagination.total).toBe(51);
      }
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
