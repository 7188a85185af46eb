import { beforeAll, describe, expect, it } from "vitest";
import {
  api,
  armFault,
  expectStatus,
  FACTUS_VERSIONS,
  json,
  newSession,
  type Session,
  SHORT_TIMEOUTS,
  seedInvoice,
  shortTimeouts,
} from "../helpers";

let session: Session;

/** How many bills with this reference code exist in the session's Factus account. */
async function billsWithReference(reference: string) {
  const body = await expectStatus(await api(session, `/invoices?reference_code=${reference}`), 200);
  return body.data.items.filter((item: { reference_code: string }) => item.reference_code === reference)
    .length;
}

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  beforeAll(async () => {
    session = await newSession({ factusVersion });
  });

  describe("at-most-once invoices", () => {
    it("50 parallel identical creates with one Idempotency-Key: 1 invoice, 50 identical answers", async () => {
      const invoice = seedInvoice();
      const headers = { "idempotency-key": crypto.randomUUID() };
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          api(session, "/invoices", { method: "POST", body: invoice, headers }),
        ),
      );
      const bodies = await Promise.all(responses.map((response) => response.text()));
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      expect(new Set(bodies).size, bodies[0]).toBe(1);
      expect(
        responses.filter((response) => response.headers.get("idempotent-replayed") === "true"),
      ).toHaveLength(49);
      expect(await billsWithReference(invoice.reference_code)).toBe(1);
    });
  });

  describe("upstream faults: the right answer, and the create path never creates twice", () => {
    // Faults that strike before Factus issues anything; lost answers after issue are in dian-outcomes.test.ts.
    it.each([
      ["status=503", 503, "UPSTREAM_UNAVAILABLE"],
      ["status=502", 502, "UPSTREAM_ERROR"],
      ["malformed-json", 502, "UPSTREAM_ERROR"],
      ["drop", 503, "UPSTREAM_UNAVAILABLE"],
      ["rate-limit=9", 429, "RATE_LIMITED"],
      [`latency=${SHORT_TIMEOUTS.createMs + 1_000}`, 504, "UPSTREAM_TIMEOUT"],
    ])("%s → %i %s; retried with the same key, one invoice", async (fault, status, code) => {
      const invoice = seedInvoice();
      const headers = { "idempotency-key": crypto.randomUUID() };
      await armFault(session, fault, "/v1/bills/validate");
      // Only the test about the timeout runs against a gateway with a short one.
      const via = fault.startsWith("latency") ? shortTimeouts() : undefined;
      const failed = await api(session, "/invoices", { method: "POST", body: invoice, headers, via });
      const body = await expectStatus(failed, status);
      expect(body.error.code).toBe(code);
      if (code === "RATE_LIMITED") expect(failed.headers.get("retry-after")).toBe("9");

      // The retry with the same key looks the invoice up first (the answer was lost: Factus may have issued it), then
      // sends. After a timeout the first create may still land while the retry is sent: Factus refuses the second
      // copy of the reference and the gateway answers with the invoice it holds. One invoice either way.
      const retried = await api(session, "/invoices", { method: "POST", body: invoice, headers });
      const retriedBody = await json(retried);
      expect([200, 201], JSON.stringify(retriedBody)).toContain(retried.status);
      expect(retriedBody.data.dian_status).toBe("validated");
      if (!fault.startsWith("latency")) expect(retried.status).toBe(201);
      if (fault.startsWith("latency")) await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await billsWithReference(invoice.reference_code)).toBe(1);
    });

    it("stays up while Factus is down: reads retry once, then answer 502 quickly", async () => {
      await armFault(session, "status=500", "/v1/bills", 2);
      const started = Date.now();
      const body = await expectStatus(await api(session, "/invoices"), 502);
      expect(body.error.code).toBe("UPSTREAM_ERROR");
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await api(session, "/invoices")).status).toBe(200);
    });
  });
});
