import { describe, expect, it } from "vitest";
import {
  api,
  armFault,
  billsInFactus,
  clearFaults,
  expectStatus,
  FACTUS_VERSIONS,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// A final answer is stored only when the gateway knows the outcome: the two ways a careful client lost an invoice
// Factus holds validated (a key replaying a 422 forever), reproduced step by step.

const create = (session: Session, body: unknown, key: string) =>
  api(session, "/invoices", { method: "POST", body, headers: { "idempotency-key": key } });

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  describe("exactly once, whatever fails around the lookups", () => {
    it.each(["rate-limit=60", "malformed-json"])(
      "a reference Factus says is used, with the lookup failing (%s): 503 kept, never a stored 422",
      async (lookupFault) => {
        const session = await newSession({ factusVersion });
        const invoice = seedInvoice();
        const key = crypto.randomUUID();
        // 1. Pending at DIAN.
        await armFault(session, "dian-pending", "/v1/bills/validate");
        expect((await expectStatus(await create(session, invoice, key), 202)).data.dian_status).toBe(
          "pending",
        );
        // 2. Someone else finishes it with /retry.
        const retried = await api(session, `/invoices/reference/${invoice.reference_code}/retry`, {
          method: "POST",
        });
        const number = (await expectStatus(retried, 201)).data.number;
        // 3. The owner re-sends with its key while the lookup of the used reference fails.
        await armFault(session, lookupFault, "/v1/bills/show", 2);
        await armFault(session, lookupFault, "/v1/bills?", 2);
        const unknown = await create(session, invoice, key);
        expect((await expectStatus(unknown, 503)).error.code).toBe("FACTUS_OUTCOME_UNKNOWN");
        // 4. Faults cleared: the same key gets the invoice, not a replayed error.
        await clearFaults(session);
        const answered = await create(session, invoice, key);
        const body = await expectStatus(answered, 201);
        expect(answered.headers.get("idempotent-replayed")).toBeNull();
        expect(answered.headers.get("x-document-recovered")).toBe("lost-answer");
        expect(body.data).toMatchObject({ number, dian_status: "validated" });
        expect(await billsInFactus(session, invoice.reference_code)).toHaveLength(1);
      },
    );

    it("a reconcile that fails keeps the key unknown: the next try looks again, never sends blind", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      const key = crypto.randomUUID();
      await armFault(session, "lost-after-issue=drop", "/v1/bills/validate");
      // Once each time: a 429 asking for 60 s is not retried by the gateway (it answers instead of waiting).
      await armFault(session, "rate-limit=60", "/v1/bills", 1);
      expect((await expectStatus(await create(session, invoice, key), 503)).error.code).toBe(
        "FACTUS_OUTCOME_UNKNOWN",
      );
      // 2. The reconcile-first lookup fails again.
      await armFault(session, "rate-limit=60", "/v1/bills", 1);
      expect((await expectStatus(await create(session, invoice, key), 503)).error.code).toBe(
        "FACTUS_OUTCOME_UNKNOWN",
      );
      // 3. Were this try to send the create, the armed rejection would fire; it must look first and find the invoice.
      await armFault(session, "dian-rejection", "/v1/bills/validate");
      const found = await create(session, invoice, key);
      const body = await expectStatus(found, 201);
      expect(found.headers.get("x-document-recovered")).toBe("lost-answer");
      expect(body.data.dian_status).toBe("validated");
      expect(await billsInFactus(session, invoice.reference_code)).toEqual([
        expect.objectContaining({ number: body.data.number, status: 1 }),
      ]);
    });
  });
});
