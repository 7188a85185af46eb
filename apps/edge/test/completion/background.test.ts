import { env } from "cloudflare:workers";
import type { ReceivedWebhook } from "factus-emulator/testing/helpers";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { jobOf, registerEndpoint, runJobUntilSettled, until } from "../completion-helpers";
import {
  API,
  api,
  armFault,
  call,
  emulator,
  expectStatus,
  FACTUS_VERSIONS,
  factusPath,
  json,
  newSession,
  seedInvoice,
} from "../helpers";

// The gateway finishes what DIAN left pending by itself, and tells the company's systems by signed webhooks. Each test
// drives the real alarm, job and deliveries (completion-helpers.ts); their timing is the e2e test's, through
// `wrangler dev`.

/** A webhook's payload: `data` is the document's public detail (InvoiceDetail for invoices). */
interface Payload {
  type: string;
  timestamp: string;
  data: { data: { bill: Record<string, unknown> } } & Record<string, unknown>;
}
const parsed = (body: string) => JSON.parse(body) as Payload;
/** v1 test accounts share one Factus company (and so its endpoints' events): a test reads its own document's. */
const about = (reference: string) => async (hooks: ReceivedWebhook[]) =>
  hooks.filter((hook) => hook.body.includes(reference));

describe.each(FACTUS_VERSIONS)("background completion, Factus %s", (factusVersion) => {
  it("a dian-pending=3 invoice is validated with no client call after the 202; the receiver gets a verifiable invoice.validated", async () => {
    const session = await newSession({ factusVersion });
    const { inbox, endpoint } = await registerEndpoint(session, ["invoice.pending", "invoice.validated"]);
    const invoice = seedInvoice();
    await armFault(session, "dian-pending=3", "/v1/bills/validate");
    const pending = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: invoice }),
      202,
    );

    // The detail says the gateway owns it: attempts and when the next one is.
    const detail = await expectStatus(await api(session, `/invoices/${pending.data.number}`), 200);
    expect(detail.data.data.bill.completion).toMatchObject({ state: "scheduled", attempts: 0 });
    expect(Date.parse(detail.data.data.bill.completion.next_attempt_at)).toBeGreaterThan(Date.now());
    const listed = await expectStatus(
      await api(session, `/invoices?reference_code=${invoice.reference_code}`),
      200,
    );
    expect(listed.data.items[0].completion).toMatchObject({ state: "scheduled" });

    const job = await runJobUntilSettled(invoice.reference_code);
    expect(job).toMatchObject({ state: "validated", document_number: pending.data.number });

    const mine = () => inbox.received().then(about(invoice.reference_code));
    const received = await until(mine, (all) =>
      all.some((hook) => parsed(hook.body).type === "invoice.validated"),
    );
    const verifier = new Webhook(endpoint.secret);
    for (const hook of received) {
      // The official package, an implementation independent of ours, checks the signature and the timestamp.
      const payload = verifier.verify(hook.body, {
        "webhook-id": hook.id!,
        "webhook-timestamp": hook.timestamp!,
        "webhook-signature": hook.signature!,
      }) as Payload;
      expect(payload.data.data.bill.number).toBe(pending.data.number);
    }
    expect(received.map((hook) => parsed(hook.body).type)).toEqual(["invoice.pending", "invoice.validated"]);
    expect(parsed(received[1]!.body).data.data.bill).toMatchObject({
      dian_status: "validated",
      completion: null,
    });

    // Factus saw the create and one re-send per attempt, nothing more: the same reference, never a second document.
    const calls = await emulator.forAccount(session.account).calls();
    expect(calls[`POST ${factusPath(session, "/v1/bills/validate")}`]).toBe(1 + job.attempts);
    const settled = await expectStatus(await api(session, `/invoices/${pending.data.number}`), 200);
    expect(settled.data.data.bill).toMatchObject({ dian_status: "validated", completion: null });
  });

  it("an outcome-unknown create is reconciled by the job (found in Factus: no second send)", async () => {
    const session = await newSession({ factusVersion });
    const invoice = seedInvoice();
    await armFault(session, "lost-after-issue=drop", "/v1/bills/validate");
    await armFault(session, "status=500", "/v1/bills", 2);
    const lost = await expectStatus(await api(session, "/invoices", { method: "POST", body: invoice }), 503);
    expect(lost.error.code).toBe("FACTUS_OUTCOME_UNKNOWN");
    expect(await jobOf(invoice.reference_code)).toMatchObject({ state: "scheduled", document_number: null });

    const job = await runJobUntilSettled(invoice.reference_code);
    expect(job.state).toBe("validated");
    const calls = await emulator.forAccount(session.account).calls();
    expect(calls[`POST ${factusPath(session, "/v1/bills/validate")}`]).toBe(1);
  });

  it("a job whose token expired pauses as needs_token, tells it, and resumes on the company's next request with a token", async () => {
    const session = await newSession({ factusVersion });
    const { inbox } = await registerEndpoint(session, ["document.needs_token", "invoice.validated"]);
    const invoice = seedInvoice();
    await armFault(session, "dian-pending=2", "/v1/bills/validate");
    const pending = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: invoice }),
      202,
    );
    // Every token of the account expires (Factus' tokens live an hour).
    await emulator.forAccount(session.account).advanceClock(2 * 3600);

    const paused = await runJobUntilSettled(invoice.reference_code);
    expect(paused.state).toBe("needs_token");
    const mine = () => inbox.received().then(about(invoice.reference_code));
    const told = await until(mine, (all) => all.length > 0);
    expect(parsed(told[0]!.body)).toMatchObject({
      type: "document.needs_token",
      data: { kind: "invoices", reference_code: invoice.reference_code, number: pending.data.number },
    });

    // A fresh Factus login of the company, and any request with its token.
    const login = await expectStatus(
      await call(`${API}/auth/factus/login`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${session.jwt}` },
        body: JSON.stringify({ email: session.account, password: "sandbox-password" }),
      }),
      200,
    );
    const fresh = { ...session, factusToken: login.data.access_token };
    await expectStatus(await api(fresh, "/invoices"), 200);
    const resumed = await until(
      () => jobOf(invoice.reference_code),
      (job) => job?.state === "scheduled",
    );
    expect(resumed?.state).toBe("scheduled");
    expect((await runJobUntilSettled(invoice.reference_code)).state).toBe("validated");
    await until(mine, (all) => all.length > 1);
    expect((await mine()).map((hook) => parsed(hook.body).type)).toEqual([
      "document.needs_token",
      "invoice.validated",
    ]);
  });

  it("a caller's /retry finishes the job sooner, and is refused while the job holds the document", async () => {
    const session = await newSession({ factusVersion });
    const invoice = seedInvoice();
    await armFault(session, "dian-pending", "/v1/bills/validate");
    await expectStatus(await api(session, "/invoices", { method: "POST", body: invoice }), 202);
    const retry = `/invoices/reference/${invoice.reference_code}/retry`;
    await env.DB.prepare("UPDATE document_jobs SET lease_until = ?2 WHERE reference_code = ?1")
      .bind(invoice.reference_code, Date.now() + 60_000)
      .run();
    const busy = await expectStatus(await api(session, retry, { method: "POST" }), 409);
    expect(busy.error.code).toBe("CONFLICT");
    await env.DB.prepare("UPDATE document_jobs SET lease_until = 0 WHERE reference_code = ?1")
      .bind(invoice.reference_code)
      .run();
    await expectStatus(await api(session, retry, { method: "POST" }), 201);
    expect(
      await until(
        () => jobOf(invoice.reference_code),
        (job) => job?.state === "validated",
      ),
    ).toMatchObject({
      state: "validated",
    });
  });
});

// Webhook endpoints belong to a Factus company: v2 test accounts are a company each.
describe("webhooks", () => {
  it("a receiver that answers 500 twice gets the event on the third try, with the same webhook-id", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const { inbox, endpoint } = await registerEndpoint(session, ["invoice.validated"]);
    await inbox.failNext(2, 500);
    const test = await expectStatus(
      await api(session, `/webhook-endpoints/${endpoint.id}/test`, { method: "POST" }),
      202,
    );
    const received = await until(inbox.received, (all) => all.length >= 3);
    expect(received.map((hook) => hook.answered)).toEqual([500, 500, 204]);
    expect(new Set(received.map((hook) => hook.id))).toEqual(new Set([test.data.delivery_id]));
    const deliveries = await until(
      async () => (await json(await api(session, `/webhook-endpoints/${endpoint.id}/deliveries`))).data,
      (rows: { state: string }[]) => rows[0]?.state === "delivered",
    );
    expect(deliveries[0]).toMatchObject({
      id: test.data.delivery_id,
      state: "delivered",
      attempts: 3,
      last_status: 204,
    });
  });

  it("signs with both secrets for a day after a rotation; a redelivery keeps its id", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const { inbox, endpoint } = await registerEndpoint(session, ["invoice.validated"]);
    const rotated = await expectStatus(
      await api(session, `/webhook-endpoints/${endpoint.id}/rotate-secret`, { method: "POST" }),
      200,
    );
    expect(rotated.data.secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    const test = await expectStatus(
      await api(session, `/webhook-endpoints/${endpoint.id}/test`, { method: "POST" }),
      202,
    );
    const [hook] = await until(inbox.received, (all) => all.length > 0);
    const headers = {
      "webhook-id": hook!.id!,
      "webhook-timestamp": hook!.timestamp!,
      "webhook-signature": hook!.signature!,
    };
    expect(hook!.signature!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(rotated.data.secret).verify(hook!.body, headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(hook!.body, headers)).not.toThrow();

    await expectStatus(
      await api(session, `/webhook-endpoints/${endpoint.id}/deliveries/${test.data.delivery_id}/retry`, {
        method: "POST",
      }),
      202,
    );
    const again = await until(inbox.received, (all) => all.length > 1);
    expect(again[1]!.id).toBe(test.data.delivery_id);
  });

  it("endpoints belong to the Factus company: another company's caller gets 404", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const other = await newSession({ factusVersion: "v2" });
    const { endpoint } = await registerEndpoint(session, ["invoice.validated"]);
    const listed = await expectStatus(await api(session, "/webhook-endpoints"), 200);
    expect(listed.data).toEqual([expect.objectContaining({ id: endpoint.id, enabled: true })]);
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);
    await expectStatus(await api(other, `/webhook-endpoints/${endpoint.id}`), 404);
    await expectStatus(await api(other, `/webhook-endpoints/${endpoint.id}`, { method: "DELETE" }), 404);
    await expectStatus(await api(session, `/webhook-endpoints/${endpoint.id}`, { method: "DELETE" }), 200);
    await expectStatus(await api(session, `/webhook-endpoints/${endpoint.id}`), 404);
  });

  it("refuses unknown events and malformed URLs in the one error envelope", async () => {
    const session = await newSession({ factusVersion: "v2" });
    const bad = await expectStatus(
      await api(session, "/webhook-endpoints", {
        method: "POST",
        body: { url: "https://erp.example.com/h", events: ["invoice.paid"] },
      }),
      422,
    );
    expect(bad.error.code).toBe("VALIDATION_FAILED");
    const url = await expectStatus(
      await api(session, "/webhook-endpoints", {
        method: "POST",
        body: { url: "ftp://x", events: ["invoice.validated"] },
      }),
      422,
    );
    expect(url.error.details).toEqual([expect.objectContaining({ path: "url" })]);
  });
});
