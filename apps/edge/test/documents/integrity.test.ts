import { env } from "cloudflare:workers";
import { CreateInvoiceRequest, toFactusV2Bill } from "@factus-edge/contracts";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { readConfig } from "../../src/platform/config";
import {
  API,
  api,
  armFault,
  call,
  expectStatus,
  FACTUS_VERSIONS,
  factusPath,
  json,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// Business-flow integrity: what concurrency, a reused reference or a second company must never do to a legal document.

const factus = (session: Session, path: string, init: RequestInit = {}) =>
  fetch(`${env.FACTUS_BASE_URL}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${session.factusToken}`,
      accept: "application/json",
      "content-type": "application/json",
      "user-agent": "edge-tests",
      ...(init.headers as Record<string, string>),
    },
  });

/** The credit notes Factus holds for an invoice, from its own store. */
async function notesInFactus(session: Session, invoiceNumber: string) {
  if (session.factusVersion === "v2") {
    const bill = await json(await factus(session, `/v2/bills/${invoiceNumber}`));
    return bill.data.related_notes.credit_notes as { number: string }[];
  }
  const bill = await json(await factus(session, `/v1/bills/show/${invoiceNumber}`));
  return bill.data.credit_notes as { number: string }[];
}

/** A credit note's total in cents, from Factus' own store. */
async function noteTotalInFactus(session: Session, number: string) {
  const note = await json(await factus(session, factusPath(session, `/v1/credit-notes/${number}`)));
  const total: string = session.factusVersion === "v2" ? note.data.totals.total : note.data.credit_note.total;
  return BigInt(total.replace(".", ""));
}

const fullNote = (invoiceNumber: string) => ({
  invoice_number: invoiceNumber,
  correction_concept_code: "2",
  reference_code: `NC-${crypto.randomUUID().slice(0, 12)}`,
  items: seedInvoice().items,
});

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  describe("concurrent corrections of one invoice", () => {
    it("six parallel notes for its whole total: exactly one is issued, the others 409 or 422, never a document", async () => {
      const session = await newSession({ factusVersion });
      const invoice = (
        await expectStatus(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), 201)
      ).data;
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          api(session, "/credit-notes", { method: "POST", body: fullNote(invoice.number) }),
        ),
      );
      const bodies = await Promise.all(responses.map(json));
      const statuses = responses.map((response) => response.status);
      expect(
        statuses.filter((status) => status === 201),
        JSON.stringify(bodies),
      ).toHaveLength(1);
      expect(
        statuses.every((status) => [201, 409, 422].includes(status)),
        JSON.stringify(bodies),
      ).toBe(true);
      expect(await notesInFactus(session, invoice.number)).toHaveLength(1);
    });

    it("an annulment racing a partial note: the invoice is never credited beyond its total", async () => {
      const session = await newSession({ factusVersion });
      const invoice = (
        await expectStatus(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), 201)
      ).data;
      const partial = fullNote(invoice.number);
      partial.correction_concept_code = "1";
      partial.items = partial.items.map((item) => ({ ...item, price: 100_000 }));
      const [annul, note] = await Promise.all([
        api(session, `/invoices/${invoice.number}/annul`, { method: "POST", body: {} }),
        api(session, "/credit-notes", { method: "POST", body: partial }),
      ]);
      const issued = [annul, note].filter((response) => response.status === 201);
      expect(issued.length, JSON.stringify([await json(annul), await json(note)])).toBeGreaterThanOrEqual(1);
      const notes = await notesInFactus(session, invoice.number);
      let credited = 0n;
      for (const { number } of notes) {
        credited += await noteTotalInFactus(session, number);
      }
      expect(credited).toBeLessThanOrEqual(100_000_000n); // 1,000,000.00 in cents
    });
  });

  describe("a stored request is re-sent only onto its own document", () => {
    it("/retry refuses when the reference now names another document", async () => {
      const session = await newSession({ factusVersion });
      const first = seedInvoice();
      await armFault(session, "dian-pending", "/v1/bills/validate");
      const pending = await expectStatus(
        await api(session, "/invoices", { method: "POST", body: first }),
        202,
      );
      // The pending document is deleted and another one takes its reference, outside this gateway (through the gateway
      // a delete also forgets the stored request).
      await expectStatus(
        await factus(session, factusPath(session, `/v1/bills/destroy/reference/${first.reference_code}`), {
          method: "DELETE",
        }),
        200,
      );
      const other = CreateInvoiceRequest.parse(seedInvoice({ reference_code: first.reference_code }));
      other.items[0]!.price = 5_000;
      const v2 = session.factusVersion === "v2";
      const created = await factus(session, factusPath(session, "/v1/bills/validate"), {
        method: "POST",
        body: JSON.stringify(v2 ? (toFactusV2Bill(other) as { body: unknown }).body : other),
        headers: { "x-emulator-fault": "dian-pending" },
      });
      const createdBody = await json(created);
      const otherNumber = v2 ? createdBody.data.number : createdBody.data.bill.number;
      expect(otherNumber).not.toBe(pending.data.number);

      const retried = await api(session, `/invoices/reference/${first.reference_code}/retry`, {
        method: "POST",
      });
      const body = await expectStatus(retried, 409);
      expect(body.error, JSON.stringify(body)).toMatchObject({
        code: "CONFLICT",
        document: { number: otherNumber },
      });
      const still = await json(
        await factus(session, v2 ? `/v2/bills/${otherNumber}` : `/v1/bills/show/${otherNumber}`),
      );
      // Nothing was re-sent onto it.
      expect(v2 ? still.data.is_validated : still.data.bill.status).toBe(v2 ? false : 0);
    });
  });

  describe("an Idempotency-Key belongs to its Factus company", () => {
    it("the same key and body with another company's token get that company's own answer, never a replay", async () => {
      const session = await newSession({ factusVersion });
      const other = await expectStatus(
        await call(`${API}/auth/factus/login`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${session.jwt}` },
          body: JSON.stringify({
            // Another company: a Factus v2 account has a NIT of its own (the test emulator's v1 accounts share one).
            email: `company-v2-${crypto.randomUUID()}@tenant.test`,
            password: "sandbox-password",
          }),
        }),
        200,
      );
      const invoice = seedInvoice();
      const headers = { "idempotency-key": crypto.randomUUID() };
      const inA = await expectStatus(
        await api(session, "/invoices", { method: "POST", body: invoice, headers }),
        201,
      );
      const inB = await api(session, "/invoices", {
        method: "POST",
        body: invoice,
        headers: { ...headers, "x-factus-token": other.data.access_token },
      });
      expect(inB.headers.get("idempotent-replayed")).toBeNull();
      // Company B's own invoice, issued in its own account, not company A's replayed.
      const bodyB = await expectStatus(inB, 201);
      expect(bodyB.data.cufe).not.toBe(inA.data.cufe);
    });
  });

  describe("a reference lookup spends the company's budget, not its whole Factus quota", () => {
    it("a wildcard reference walking many pages stops at the budget: 429, not twenty Factus calls", async () => {
      const session = await newSession({ factusVersion });
      for (let i = 0; i < 25; i++)
        await expectStatus(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), 201);
      const limited = { ...env, COMPANY_LOOKUP_BUDGET: env.TEST_COMPANY_LOOKUP_BUDGET };
      const app = await createApp(readConfig(env));
      const headers = { authorization: `Bearer ${session.jwt}`, "x-factus-token": session.factusToken };
      // "INV-" matches every invoice of the company (three pages), yet is no invoice's own reference.
      const response = await app.request(
        `${API}/invoices/reference/INV-/retry`,
        { method: "POST", headers },
        limited,
      );
      const body = await expectStatus(response, 429);
      expect(body.error.code).toBe("RATE_LIMITED");
      expect(response.headers.get("retry-after")).toBe("60");
    });
  });
});
