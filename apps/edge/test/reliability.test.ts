import { beforeAll, describe, expect, it } from "vitest";
import { api, armFault, expectStatus, json, newSession, type Session, seedInvoice } from "./helpers";

let session: Session;
beforeAll(async () => {
  session = await newSession();
});

/** How many bills with this reference code exist in the session's Factus account. */
async function billsWithReference(reference: string) {
  const body = await expectStatus(await api(session, `/invoices?reference_code=${reference}`), 200);
  return body.data.items.filter((item: { reference_code: string }) => item.reference_code === reference)
    .length;
}

describe("at-most-once invoices", () => {
  it("50 parallel identical creates with one Idempotency-Key: 1 invoice, 50 identical answers", async () => {
    const invoice = seedInvoice();
    const headers = { "idempotency-key": crypto.randomUUID() };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => api(session, "/invoices", { method: "POST", body: invoice, headers })),
    );
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    expect(new Set(bodies).size, bodies[0]).toBe(1);
    expect(
      responses.filter((response) => response.headers.get("idempotent-replayed") === "true"),
    ).toHaveLength(49);
    expect(await billsWithReference(invoice.reference_code)).toBe(1);
  });

  it("50 parallel creates with 50 keys and one reference_code: 1 invoice, 49 clear errors", async () => {
    const invoice = seedInvoice();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        api(session, "/invoices", {
          method: "POST",
          body: invoice,
          headers: { "idempotency-key": crypto.randomUUID() },
        }),
      ),
    );
    const bodies = await Promise.all(responses.map(json));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    const refused = bodies.filter((body) => body.error);
    expect(refused).toHaveLength(49);
    for (const body of refused) {
      expect(body.error.code).toBe("VALIDATION_FAILED");
      expect(body.error.details[0].path).toBe("reference_code");
      expect(body.error.details[0].message).toContain(invoice.reference_code);
    }
    expect(await billsWithReference(invoice.reference_code)).toBe(1);
  });
});

describe("upstream faults: the right answer, and the create path never creates twice", () => {
  it.each([
    ["status=503", 502, "UPSTREAM_ERROR"],
    ["malformed-json", 502, "UPSTREAM_ERROR"],
    ["drop", 503, "UPSTREAM_UNAVAILABLE"],
    ["rate-limit=9", 429, "RATE_LIMITED"],
    ["latency=2500", 504, "UPSTREAM_TIMEOUT"],
  ])("%s → %i %s; retried with the same key, one invoice", async (fault, status, code) => {
    const invoice = seedInvoice();
    const headers = { "idempotency-key": crypto.randomUUID() };
    await armFault(session, fault, "/v1/bills/validate");
    const failed = await api(session, "/invoices", { method: "POST", body: invoice, headers });
    const body = await expectStatus(failed, status);
    expect(body.error.code).toBe(code);
    if (code === "RATE_LIMITED") expect(failed.headers.get("retry-after")).toBe("9");

    // The client retries with the same key; the failed answer was not stored, so the create is attempted again.
    // After a timeout Factus may or may not have created the bill before the gateway gave up: either the retry
    // creates it, or Factus refuses the repeated reference code. Both leave exactly one invoice.
    const retried = await api(session, "/invoices", { method: "POST", body: invoice, headers });
    const retriedBody = await json(retried);
    if (retried.status === 422) expect(retriedBody.error.details[0].path).toBe("reference_code");
    else expect(retried.status, JSON.stringify(retriedBody)).toBe(201);
    if (!fault.startsWith("latency")) expect(retried.status).toBe(201);
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
