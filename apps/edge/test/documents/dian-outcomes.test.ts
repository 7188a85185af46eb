import { describe, expect, it } from "vitest";
import {
  api,
  armFault,
  billsInFactus,
  emulatorAdmin,
  expectStatus,
  FACTUS_VERSIONS,
  json,
  newSession,
  type Session,
  SHORT_TIMEOUTS,
  seedInvoice,
  shortTimeouts,
} from "../helpers";

// The document lifecycle (docs/ARCHITECTURE.md) against the emulator: the caller always learns the truth about the legal document, and one reference is
// one document in Factus whatever happens to the answers.

const create = (session: Session, body: unknown, headers: Record<string, string> = {}) =>
  api(session, "/invoices", { method: "POST", body, headers });

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  describe("validated", () => {
    it("201 success / validated, and the detail and list say validated", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      const created = await expectStatus(await create(session, invoice), 201);
      expect(created.data).toMatchObject({
        status: "success",
        dian_status: "validated",
        dian_notifications: [],
      });
      const detail = await expectStatus(await api(session, `/invoices/${created.data.number}`), 200);
      expect(detail.data.data.bill).toMatchObject({ dian_status: "validated", status: "validated" });
      const list = await expectStatus(
        await api(session, `/invoices?reference_code=${invoice.reference_code}`),
        200,
      );
      expect(list.data.items[0]).toMatchObject({ dian_status: "validated" });
    });
  });

  describe("validated with a DIAN notification", () => {
    it("is still validated (201), and the notification is listed", async () => {
      const session = await newSession({ factusVersion });
      await armFault(session, "dian-notification", "/v1/bills/validate");
      const created = await expectStatus(await create(session, seedInvoice()), 201);
      expect(created.data).toMatchObject({ status: "success", dian_status: "validated" });
      expect(created.data.dian_notifications).toEqual([
        expect.stringMatching(/^Regla: FAJ43b, Notificación:/),
      ]);
    });
  });

  describe("DIAN slow", () => {
    it("202 pending with the number; never deleted; the 409 names it; the retry route validates it", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      await armFault(session, "dian-pending", "/v1/bills/validate");
      const response = await create(session, invoice);
      const pending = await expectStatus(response, 202);
      expect(pending.data).toMatchObject({ status: "pending", dian_status: "pending" });
      expect(pending.data.number).toMatch(/^SETP\d+$/);
      expect(pending.data.message).toContain(`/api/v1/invoices/reference/${invoice.reference_code}/retry`);
      expect(response.headers.get("location")).toBe(`/api/v1/invoices/${pending.data.number}`);

      const detail = await expectStatus(await api(session, `/invoices/${pending.data.number}`), 200);
      expect(detail.data.data.bill.dian_status).toBe("pending");

      const blocked = await expectStatus(await create(session, seedInvoice()), 409);
      expect(blocked.error.code).toBe("FACTUS_PENDING_DOCUMENT");
      expect(blocked.error.document).toMatchObject({
        number: pending.data.number,
        reference_code: invoice.reference_code,
        dian_status: "pending",
        recovery: "retry",
      });
      expect(blocked.message).toContain("no lo elimine");

      const retried = await api(session, `/invoices/reference/${invoice.reference_code}/retry`, {
        method: "POST",
      });
      const validated = await expectStatus(retried, 201);
      expect(validated.data).toMatchObject({ number: pending.data.number, dian_status: "validated" });
      expect(validated.data.cufe).toBe(pending.data.cufe);
      await expectStatus(await create(session, seedInvoice()), 201);
      const again = await api(session, `/invoices/reference/${invoice.reference_code}/retry`, {
        method: "POST",
      });
      expect((await expectStatus(again, 200)).data.dian_status).toBe("validated");
      expect(await billsInFactus(session, invoice.reference_code)).toHaveLength(1);
    });

    it("the same request with the same Idempotency-Key re-sends it (a 202 is not stored as final)", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      const headers = { "idempotency-key": crypto.randomUUID() };
      await armFault(session, "dian-pending", "/v1/bills/validate");
      const pending = await expectStatus(await create(session, invoice, headers), 202);
      const resent = await create(session, invoice, headers);
      const validated = await expectStatus(resent, 201);
      expect(resent.headers.get("idempotent-replayed")).toBeNull();
      expect(validated.data).toMatchObject({ number: pending.data.number, dian_status: "validated" });
      expect(await billsInFactus(session, invoice.reference_code)).toHaveLength(1);
    });
  });

  describe("rejected", () => {
    it("the detail and list show rejected; a fixed re-send with the same reference validates the same number", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      await armFault(session, "dian-rejection", "/v1/bills/validate");
      const rejected = await expectStatus(await create(session, invoice), 422);
      const { number } = rejected.error.document;
      const detail = await expectStatus(await api(session, `/invoices/${number}`), 200);
      expect(detail.data.data.bill.dian_status).toBe("rejected");
      const retry = await api(session, `/invoices/reference/${invoice.reference_code}/retry`, {
        method: "POST",
      });
      expect((await expectStatus(retry, 422)).error.code).toBe("DIAN_REJECTED");
      const fixed = await expectStatus(await create(session, invoice), 201);
      expect(fixed.data.number).toBe(number);
    });
  });

  describe("lost answers: the invoice is found, never lost nor issued twice", () => {
    it.each([
      "drop",
      "malformed",
      "503",
      `delay:${SHORT_TIMEOUTS.createMs + 1_000}`, // past the create timeout of the gateway under test
    ])("lost-after-issue=%s → 201 with the number and CUFE, X-Document-Recovered", async (how) => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      await armFault(session, `lost-after-issue=${how}`, "/v1/bills/validate");
      // Only the delayed answer needs a short create timeout; the others are lost whatever the timeout.
      const response = await api(session, "/invoices", {
        method: "POST",
        body: invoice,
        headers: { "idempotency-key": crypto.randomUUID() },
        via: how.startsWith("delay") ? shortTimeouts() : undefined,
      });
      const body = await expectStatus(response, 201);
      expect(response.headers.get("x-document-recovered")).toBe("lost-answer");
      expect(body.data.number).toMatch(/^SETP\d+$/);
      expect(body.data.cufe).toMatch(/^[0-9a-f]{96}$/);
      expect(await billsInFactus(session, invoice.reference_code)).toHaveLength(1);
    });

    it("a DIAN-slow invoice whose answer is lost is answered 202 pending", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      await armFault(session, "dian-pending,lost-after-issue=drop", "/v1/bills/validate");
      const response = await create(session, invoice);
      expect((await expectStatus(response, 202)).data.dian_status).toBe("pending");
      expect(response.headers.get("x-document-recovered")).toBe("lost-answer");
    });

    it("outcome unknown (lookup failing too): the key is kept, and its retry looks before sending", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      const headers = { "idempotency-key": crypto.randomUUID() };
      await armFault(session, "lost-after-issue=drop", "/v1/bills/validate");
      await armFault(session, "status=500", "/v1/bills", 2);
      expect((await expectStatus(await create(session, invoice, headers), 503)).error.code).toBe(
        "FACTUS_OUTCOME_UNKNOWN",
      );
      // Were the retry to send again, this armed rejection would fire: it must find the invoice first.
      await armFault(session, "dian-rejection", "/v1/bills/validate");
      const retried = await create(session, invoice, headers);
      const body = await expectStatus(retried, 201);
      expect(retried.headers.get("x-document-recovered")).toBe("lost-answer");
      expect(await billsInFactus(session, invoice.reference_code)).toEqual([
        expect.objectContaining({ number: body.data.number, status: 1 }),
      ]);
    });

    it("50 parallel retries with one key while answers are lost: one invoice, identical answers", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      const headers = { "idempotency-key": crypto.randomUUID() };
      await armFault(session, "lost-after-issue=drop", "/v1/bills/validate", 50);
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => create(session, invoice, headers)),
      );
      const bodies = await Promise.all(responses.map((response) => response.text()));
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      expect(new Set(bodies).size, bodies[0]).toBe(1);
      expect(await billsInFactus(session, invoice.reference_code)).toHaveLength(1);
    });

    it("Factus in maintenance (503): nothing issued, Retry-After kept; the retry with the key issues once", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      const headers = { "idempotency-key": crypto.randomUUID() };
      await armFault(session, "status=503", "/v1/bills/validate");
      const response = await create(session, invoice, headers);
      expect((await expectStatus(response, 503)).error.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(response.headers.get("retry-after")).toBe("30");
      await expectStatus(await create(session, invoice, headers), 201);
      expect(await billsInFactus(session, invoice.reference_code)).toHaveLength(1);
    });
  });

  describe("a re-sent reference Factus already validated", () => {
    it("same document → 200 with it (X-Document-Recovered: existing-reference); 50 keys, one reference → one invoice", async () => {
      const session = await newSession({ factusVersion });
      const invoice = seedInvoice();
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          create(session, invoice, { "idempotency-key": crypto.randomUUID() }),
        ),
      );
      const bodies = await Promise.all(responses.map(json));
      expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
      const recovered = responses.filter((response) => response.status === 200);
      expect(recovered, JSON.stringify(bodies.find((body) => body.error))).toHaveLength(49);
      for (const response of recovered)
        expect(response.headers.get("x-document-recovered")).toBe("existing-reference");
      expect(new Set(bodies.map((body) => body.data.number)).size).toBe(1);
      expect(await billsInFactus(session, invoice.reference_code)).toHaveLength(1);
    });

    it("when Factus answers a re-send with the existing document, a different invoice is still a conflict", async () => {
      const session = await newSession({ factusVersion });
      await emulatorAdmin(session, "/settings", { validated_reference_resend: "return" });
      const invoice = seedInvoice();
      const first = await expectStatus(await create(session, invoice), 201);
      expect((await expectStatus(await create(session, invoice), 201)).data.number).toBe(first.data.number);
      const different = seedInvoice({ reference_code: invoice.reference_code });
      different.customer.identification = "901724254";
      different.customer.dv = "1";
      const conflict = await expectStatus(await create(session, different), 409);
      expect(conflict.error).toMatchObject({
        code: "REFERENCE_CODE_IN_USE",
        document: { number: first.data.number },
      });
    });
  });

  describe("other Factus statuses", () => {
    it("403 keeps Factus' reason", async () => {
      const session = await newSession({ factusVersion });
      await armFault(session, "status=403", "/v1/bills/validate");
      const body = await expectStatus(await create(session, seedInvoice()), 403);
      expect(body.error.code).toBe("FORBIDDEN");
      expect(body.message).toContain("La empresa no tiene habilitada");
    });
  });
});
