import { beforeAll, describe, expect, it } from "vitest";
import {
  API,
  api,
  armFault,
  call,
  expectStatus,
  FACTUS_VERSIONS,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// The edge's copy of validated documents (documents/reads.ts): served without Factus, never across tokens,
// never for a document DIAN has not validated, dropped when a credit note changes an invoice's detail.

let session: Session;

const issue = async (own: Session) =>
  (await expectStatus(await api(own, "/invoices", { method: "POST", body: seedInvoice() }), 201)).data;
const cacheOf = (response: Response) => response.headers.get("x-cache");

/** Another Factus token of the same account: the same company, a different proof. */
async function secondToken(own: Session): Promise<Session> {
  const response = await call(`${API}/auth/factus/login`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${own.jwt}` },
    body: JSON.stringify({ email: own.account, password: "sandbox-password" }),
  });
  const body = await expectStatus(response, 200);
  return { ...own, factusToken: body.data.access_token };
}

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  beforeAll(async () => {
    session = await newSession({ factusVersion });
  });

  describe("the immutable-document cache", () => {
    it("serves a validated invoice's detail, PDF and XML from the edge on the second read", async () => {
      const invoice = await issue(session);
      for (const path of [
        `/invoices/${invoice.number}`,
        `/invoices/${invoice.number}/pdf`,
        `/invoices/${invoice.number}/xml`,
      ]) {
        const first = await api(session, path);
        const firstBody = await first.text();
        expect(first.status, path).toBe(200);
        expect(cacheOf(first), path).toBe("MISS");
        const second = await api(session, path);
        expect(cacheOf(second), path).toBe("HIT");
        expect(await second.text(), path).toBe(firstBody);
      }
    });

    it("a hit does not call Factus: it answers even while Factus is down", async () => {
      const invoice = await issue(session);
      await expectStatus(await api(session, `/invoices/${invoice.number}`), 200);
      await armFault(session, "503", "/v1/bills/show", 5);
      const cached = await api(session, `/invoices/${invoice.number}`);
      expect(cached.status).toBe(200);
      expect(cacheOf(cached)).toBe("HIT");
    });

    it("never serves one token's copy to another token, even of the same company", async () => {
      const invoice = await issue(session);
      await expectStatus(await api(session, `/invoices/${invoice.number}`), 200);
      const sameCompany = await secondToken(session);
      const other = await api(sameCompany, `/invoices/${invoice.number}`);
      expect(cacheOf(other)).toBe("MISS");

      // Another company asking for the same number gets Factus' answer for its own account: none.
      const stranger = await newSession({ factusVersion });
      const refused = await api(stranger, `/invoices/${invoice.number}`);
      expect(refused.status).toBe(404);
      expect(cacheOf(refused)).toBeNull();
    });

    it("never keeps a document DIAN has not validated", async () => {
      const own = await newSession({ factusVersion });
      await armFault(own, "dian-pending", "/v1/bills/validate");
      const pending = (
        await expectStatus(await api(own, "/invoices", { method: "POST", body: seedInvoice() }), 202)
      ).data;
      for (const path of [`/invoices/${pending.number}`, `/invoices/${pending.number}/pdf`]) {
        const first = await api(own, path);
        const second = await api(own, path);
        expect([cacheOf(first), cacheOf(second)], path).toEqual(["MISS", "MISS"]);
      }
      const detail = await expectStatus(await api(own, `/invoices/${pending.number}`), 200);
      expect(detail.data.data.bill.dian_status).toBe("pending");
    });

    it("a credit note on the invoice drops its cached detail, which then lists the note", async () => {
      const invoice = await issue(session);
      await expectStatus(await api(session, `/invoices/${invoice.number}`), 200);
      expect(cacheOf(await api(session, `/invoices/${invoice.number}`))).toBe("HIT");

      const [item] = seedInvoice().items;
      const note = await expectStatus(
        await api(session, "/credit-notes", {
          method: "POST",
          body: {
            invoice_number: invoice.number,
            correction_concept_code: "1",
            reference_code: `NC-${crypto.randomUUID().slice(0, 12)}`,
            items: [{ ...item, price: 100_000 }],
          },
        }),
        201,
      );
      const after = await api(session, `/invoices/${invoice.number}`);
      expect(cacheOf(after)).toBe("MISS");
      const detail = (await after.json()) as { data: { data: { credit_notes: { number: string }[] } } };
      expect(detail.data.data.credit_notes.map((entry) => entry.number)).toEqual([note.data.number]);
    });

    it("annulling drops it too", async () => {
      const invoice = await issue(session);
      await expectStatus(await api(session, `/invoices/${invoice.number}`), 200);
      await expectStatus(
        await api(session, `/invoices/${invoice.number}/annul`, { method: "POST", body: {} }),
        201,
      );
      const after = await api(session, `/invoices/${invoice.number}`);
      expect(cacheOf(after)).toBe("MISS");
      expect(
        ((await after.json()) as { data: { data: { credit_notes: unknown[] } } }).data.data.credit_notes,
      ).toHaveLength(1);
    });
  });

  describe("a dead token reads nothing from the edge", () => {
    it("once Factus refuses a token (replaced by a refresh), its cached detail, PDF and XML are refused too", async () => {
      const own = await newSession({ factusVersion });
      const invoice = await issue(own);
      const paths = [
        `/invoices/${invoice.number}`,
        `/invoices/${invoice.number}/pdf`,
        `/invoices/${invoice.number}/xml`,
      ];
      for (const path of paths) await expectStatus(await api(own, path), 200);
      expect(cacheOf(await api(own, paths[0]!))).toBe("HIT");
      await expectStatus(
        await call(`${API}/auth/factus/refresh`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${own.jwt}` },
          body: JSON.stringify({ refresh_token: own.factusRefreshToken }),
        }),
        200,
      );
      // The old token's next call to Factus is refused, and from then on so is every cached copy it could read.
      await expectStatus(await api(own, "/invoices"), 401);
      for (const path of paths) {
        const refused = await api(own, path);
        expect(refused.status, path).toBe(401);
        expect(cacheOf(refused), path).not.toBe("HIT");
      }
    });
  });
});
