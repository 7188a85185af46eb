import { env } from "cloudflare:workers";
import { ERROR_CATALOG, type ErrorCode } from "@factus-edge/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { readConfig } from "../../src/platform/config";
import {
  API,
  api,
  armFault,
  call,
  emulatorAdmin,
  expectStatus,
  json,
  newSession,
  type Session,
  SHORT_TIMEOUTS,
  seedInvoice,
  shortTimeouts,
  withBrokenLimiter,
} from "../helpers";

const seen = new Set<ErrorCode>();
let session: Session;

/** Asserts an error envelope with `code` and its catalog status, and records the code as produced. */
async function expectError(response: Response, code: ErrorCode) {
  const body = await expectStatus(response, ERROR_CATALOG[code].status);
  expect(body.error.code, JSON.stringify(body)).toBe(code);
  expect(Object.keys(body).sort()).toEqual(["error", "message"]);
  expect(body.error.request_id).toBe(response.headers.get("x-request-id"));
  expect(Array.isArray(body.error.details)).toBe(true);
  seen.add(code);
  return body;
}

beforeAll(async () => {
  session = await newSession();
});

afterAll(() => {
  // Every code of the one error table is produced by some test.
  expect([...seen].sort()).toEqual(Object.keys(ERROR_CATALOG).sort());
});

describe("every error code, in the one envelope", () => {
  it("VALIDATION_FAILED, with dotted paths", async () => {
    const invoice = seedInvoice();
    invoice.items[0]!.price = 1.234;
    const body = await expectError(
      await api(session, "/invoices", { method: "POST", body: invoice }),
      "VALIDATION_FAILED",
    );
    expect(body.error.details).toEqual([
      { path: "items.0.price", message: "Admite como máximo 2 decimales" },
    ]);
  });

  it("MALFORMED_JSON", async () => {
    await expectError(
      await call(`${API}/invoices`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${session.jwt}`,
          "x-factus-token": session.factusToken,
          "content-type": "application/json",
        },
        body: '{"reference_code": ',
      }),
      "MALFORMED_JSON",
    );
  });

  it("UNSUPPORTED_MEDIA_TYPE", async () => {
    await expectError(
      await call(`${API}/auth/login`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "email=a",
      }),
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("PAYLOAD_TOO_LARGE", async () => {
    const huge = JSON.stringify({ email: "a@b.co", password: "x".repeat(1_100_000) });
    await expectError(
      await call(`${API}/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: huge,
      }),
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("UNAUTHENTICATED, INVALID_CREDENTIALS, FACTUS_TOKEN_MISSING, FACTUS_UNAUTHENTICATED", async () => {
    await expectError(await call(`${API}/invoices`), "UNAUTHENTICATED");
    await expectError(
      await call(`${API}/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "nobody@empresa.test", password: "whatever" }),
      }),
      "INVALID_CREDENTIALS",
    );
    await expectError(
      await call(`${API}/invoices`, { headers: { authorization: `Bearer ${session.jwt}` } }),
      "FACTUS_TOKEN_MISSING",
    );
    await expectError(
      await api(session, "/invoices", { headers: { "x-factus-token": "expired" } }),
      "FACTUS_UNAUTHENTICATED",
    );
  });

  it("FACTUS_CONNECTION_NEEDS_REAUTH: a stored connection whose refresh token Factus no longer accepts", async () => {
    const own = await newSession();
    const connection = await json(
      await call(`${API}/factus-connections`, {
        method: "POST",
        headers: { authorization: `Bearer ${own.jwt}`, "content-type": "application/json" },
        body: JSON.stringify({ email: own.account, password: "sandbox-password" }),
      }),
    );
    await emulatorAdmin(own, "/clock", { advance_seconds: 31 * 86_400 });
    const body = await expectError(
      await call(`${API}/invoices`, {
        headers: { authorization: `Bearer ${own.jwt}`, "x-factus-connection": connection.data.id },
      }),
      "FACTUS_CONNECTION_NEEDS_REAUTH",
    );
    expect(body.message).toContain(`/factus-connections/${connection.data.id}/reauthorize`);
  });

  it("NOT_FOUND for an unknown invoice and an unknown route", async () => {
    await expectError(await api(session, "/invoices/SETP1"), "NOT_FOUND");
    await expectError(await call(`${API}/nothing-here`), "NOT_FOUND");
  });

  it("DIAN_REJECTED, then FACTUS_PENDING_DOCUMENT until the pending bill is deleted, CONFLICT otherwise", async () => {
    // DIAN rejects for a rule the gateway cannot check beforehand (the name registered in the RUT).
    const rejected = seedInvoice();
    await armFault(session, "dian-rejection", "/v1/bills/validate");
    const body = await expectError(
      await api(session, "/invoices", { method: "POST", body: rejected }),
      "DIAN_REJECTED",
    );
    expect(body.error.details[0]).toMatchObject({ path: "FAJ43b" });
    // The consumed number and the reference travel with the error: the caller can find and fix the document.
    expect(body.error.document).toMatchObject({
      number: expect.stringMatching(/^SETP\d+$/),
      reference_code: rejected.reference_code,
      dian_status: "rejected",
      recovery: "delete_fix_resend",
    });

    const blocked = await expectError(
      await api(session, "/invoices", { method: "POST", body: seedInvoice() }),
      "FACTUS_PENDING_DOCUMENT",
    );
    const { cufe: _, ...named } = body.error.document;
    expect(blocked.error.document).toEqual(named);
    expect(blocked.message).toContain(
      `elimínelo con DELETE /api/v1/invoices/reference/${rejected.reference_code}`,
    );
    await expectStatus(
      await api(session, `/invoices/reference/${rejected.reference_code}`, { method: "DELETE" }),
      200,
    );
    await expectStatus(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), 201);

    await armFault(session, "status=409", "/v1/bills/validate");
    await expectError(await api(session, "/invoices", { method: "POST", body: seedInvoice() }), "CONFLICT");
  });

  it("DIAN_DOCUMENT_ALREADY_PROCESSED (rule 90) and DOCUMENT_AWAITING_DIAN: neither is deleted", async () => {
    const own = await newSession(); // pending documents block a range: a company of the test's own
    const slow = seedInvoice();
    await armFault(own, "dian-pending", "/v1/bills/validate");
    const pending = await expectStatus(await api(own, "/invoices", { method: "POST", body: slow }), 202);
    const refused = await expectError(
      await api(own, `/invoices/reference/${slow.reference_code}`, { method: "DELETE" }),
      "DOCUMENT_AWAITING_DIAN",
    );
    expect(refused.error.document).toMatchObject({ number: pending.data.number, recovery: "retry" });

    const other = await newSession();
    const processed = seedInvoice();
    await armFault(other, "dian-rule-90", "/v1/bills/validate");
    const body = await expectError(
      await api(other, "/invoices", { method: "POST", body: processed }),
      "DIAN_DOCUMENT_ALREADY_PROCESSED",
    );
    expect(body.error.document).toMatchObject({
      reference_code: processed.reference_code,
      recovery: "reconcile",
    });
    await expectError(
      await api(other, `/invoices/reference/${processed.reference_code}`, { method: "DELETE" }),
      "DIAN_DOCUMENT_ALREADY_PROCESSED",
    );
  });

  it("REFERENCE_CODE_IN_USE: a reference already issued for another customer or total", async () => {
    const first = seedInvoice();
    await expectStatus(await api(session, "/invoices", { method: "POST", body: first }), 201);
    const different = seedInvoice({ reference_code: first.reference_code });
    different.items[0]!.price = 2_000_000;
    const body = await expectError(
      await api(session, "/invoices", { method: "POST", body: different }),
      "REFERENCE_CODE_IN_USE",
    );
    expect(body.error.document).toMatchObject({
      reference_code: first.reference_code,
      dian_status: "validated",
    });
  });

  it("FACTUS_SUBSCRIPTION_EXHAUSTED (402) and FACTUS_OUTCOME_UNKNOWN (answer lost, lookup failing too)", async () => {
    await armFault(session, "status=402", "/v1/bills/validate");
    await expectError(
      await api(session, "/invoices", { method: "POST", body: seedInvoice() }),
      "FACTUS_SUBSCRIPTION_EXHAUSTED",
    );
    await armFault(session, "lost-after-issue=drop", "/v1/bills/validate");
    await armFault(session, "status=500", "/v1/bills", 2);
    const response = await api(session, "/invoices", { method: "POST", body: seedInvoice() });
    await expectError(response, "FACTUS_OUTCOME_UNKNOWN");
    expect(response.headers.get("retry-after")).toBe("5");
  });

  it("RATE_LIMITED from Factus keeps Retry-After", async () => {
    // Retry-After 7 s is longer than the gateway waits, so it answers at once instead of retrying.
    await armFault(session, "rate-limit=7", "/v1/numbering-ranges");
    const response = await api(session, "/numbering-ranges");
    await expectError(response, "RATE_LIMITED");
    expect(response.headers.get("retry-after")).toBe("7");
  });

  it("FORBIDDEN and BAD_REQUEST-class upstream answers", async () => {
    await armFault(session, "status=403", "/v1/numbering-ranges");
    await expectError(await api(session, "/numbering-ranges"), "FORBIDDEN");
    await armFault(session, "status=400", "/v1/numbering-ranges");
    await expectError(await api(session, "/numbering-ranges"), "UPSTREAM_ERROR");
  });

  it("UPSTREAM_ERROR, UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE", async () => {
    // Reads are retried once, so each fault is armed for both attempts.
    await armFault(session, "status=502", "/v1/numbering-ranges", 2);
    await expectError(await api(session, "/numbering-ranges"), "UPSTREAM_ERROR");
    await armFault(session, `latency=${SHORT_TIMEOUTS.readMs + 1_000}`, "/v1/numbering-ranges", 2);
    await expectError(await api(session, "/numbering-ranges", { via: shortTimeouts() }), "UPSTREAM_TIMEOUT");
    await armFault(session, "drop", "/v1/numbering-ranges", 2);
    await expectError(await api(session, "/numbering-ranges"), "UPSTREAM_UNAVAILABLE");
    await armFault(session, "malformed-json", "/v1/numbering-ranges");
    await expectError(await api(session, "/numbering-ranges"), "UPSTREAM_ERROR");
  });

  it("NOT_AVAILABLE_ON_FACTUS_VERSION: what a company's Factus generation cannot carry, on its field", async () => {
    const v2 = await newSession({ factusVersion: "v2" });
    const invoice = seedInvoice();
    Object.assign(invoice, {
      items: [{ ...invoice.items[0], withholding_taxes: [{ code: "07", withholding_tax_rate: 0.77 }] }],
    });
    const body = await expectError(
      await api(v2, "/invoices", { method: "POST", body: invoice }),
      "NOT_AVAILABLE_ON_FACTUS_VERSION",
    );
    expect(body.message).toContain("v2");
    expect(body.error.details).toEqual([
      expect.objectContaining({
        path: "items.0.withholding_taxes.0.code",
        message: expect.stringContaining("ReteICA"),
      }),
    ]);
  });

  it("IDEMPOTENCY_KEY_REUSED and IDEMPOTENCY_IN_PROGRESS", async () => {
    const key = crypto.randomUUID();
    const headers = { "idempotency-key": key };
    await expectStatus(
      await api(session, "/invoices", { method: "POST", body: seedInvoice(), headers }),
      201,
    );
    await expectError(
      await api(session, "/invoices", { method: "POST", body: seedInvoice(), headers }),
      "IDEMPOTENCY_KEY_REUSED",
    );

    // In progress: a lock held by a first attempt that has not finished (the concurrency tests race real ones). Keys
    // belong to the user and the Factus company its token acts for.
    const lockedKey = crypto.randomUUID();
    const company = await expectStatus(await api(session, "/company"), 200);
    const owner = `${session.user.id}:${company.data.nit}`;
    await env.DB.prepare(
      `INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, locked_until, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
      .bind(owner, lockedKey, "f", Date.now() + 60_000, Date.now(), Date.now() + 86_400_000)
      .run();
    const body = seedInvoice();
    const fingerprint = [
      ...new Uint8Array(
        await crypto.subtle.digest(
          "SHA-256",
          new TextEncoder().encode(`POST ${API}/invoices\n${JSON.stringify(body)}`),
        ),
      ),
    ]
      .map((byte) => byte.toString(16).padStart(2, "0"))
      .join("");
    await env.DB.prepare("UPDATE idempotency_keys SET fingerprint = ?1 WHERE idempotency_key = ?2")
      .bind(fingerprint, lockedKey)
      .run();
    await expectError(
      await api(session, "/invoices", { method: "POST", body, headers: { "idempotency-key": lockedKey } }),
      "IDEMPOTENCY_IN_PROGRESS",
    );
  });

  it("RATE_LIMITED per user on business routes, from the Rate Limiting binding, with Retry-After", async () => {
    const own = await newSession();
    // Its own bindings with a limit of 5 a minute; the shared test app runs with a high one for the fuzz suite.
    const limited = { ...env, USER_RATE_LIMIT: env.TEST_USER_RATE_LIMIT };
    const app = await createApp({ ...readConfig(env), rateLimitPerMinute: 5 });
    const headers = { authorization: `Bearer ${own.jwt}`, "x-factus-token": own.factusToken };
    const events = () => app.request(`${API}/invoices/SETP1/events`, { headers }, limited);
    // The binding counts in clock-aligned minutes: if one turns over mid-loop, the count starts again, so the loop
    // goes on until the first refusal and checks that five passed before it.
    const statuses: number[] = [];
    let refused: Response | undefined;
    while (!refused && statuses.length < 11) {
      const response = await events();
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else expect(response.headers.get("x-ratelimit-limit")).toBe("5");
    }
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(5);
    await expectError(refused!, "RATE_LIMITED");
    expect(refused!.headers.get("x-ratelimit-remaining")).toBe("0");
    const retryAfter = Number(refused!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another user keeps its own count.
    const other = await newSession();
    const response = await app.request(
      `${API}/invoices/SETP1/events`,
      { headers: { authorization: `Bearer ${other.jwt}`, "x-factus-token": other.factusToken } },
      limited,
    );
    expect(response.status).not.toBe(429);
  });

  it("counts the per-user limit without a Durable Object round trip", async () => {
    const own = await newSession();
    const app = await createApp(readConfig(env));
    let objectCalls = 0;
    const counted = {
      ...env,
      RATE_LIMITER: new Proxy(env.RATE_LIMITER, {
        get(target, property, receiver) {
          objectCalls++;
          return Reflect.get(target, property, receiver);
        },
      }),
    };
    const headers = { authorization: `Bearer ${own.jwt}`, "x-factus-token": own.factusToken };
    expect((await app.request(`${API}/numbering-ranges`, { headers }, counted)).status).toBe(200);
    expect(objectCalls).toBe(0);
  });

  it("BAD_REQUEST and INTERNAL for what no client can cause, without leaking internals", async () => {
    const { HTTPException } = await import("hono/http-exception");
    const app = await createApp(readConfig(env));
    app.get("/boom", () => {
      throw new Error("database password is hunter2");
    });
    app.get("/teapot", () => {
      throw new HTTPException(418);
    });
    const body = await expectError(await app.request("/boom", {}, env), "INTERNAL");
    expect(JSON.stringify(body)).not.toContain("hunter2");
    await expectError(await app.request("/teapot", {}, env), "BAD_REQUEST");
  });

  it("LOGIN_UNAVAILABLE: login fails closed when the attempt counters cannot be reached", async () => {
    // Run here, not in the object near Factus: the broken counters are this request's bindings.
    const app = await createApp({ ...readConfig(env), placeNearFactus: false });
    const broken = withBrokenLimiter();
    const response = await app.request(
      `${API}/auth/login`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: session.user.email, password: session.user.password }),
      },
      broken,
    );
    await expectError(response, "LOGIN_UNAVAILABLE");
  });

  it("refuses to build with a missing or weak JWT_SECRET, naming the problem", () => {
    expect(() => readConfig({ ...env, JWT_SECRET: undefined as unknown as string })).toThrow(
      "JWT_SECRET is not set",
    );
    expect(() => readConfig({ ...env, JWT_SECRET: "short" })).toThrow("JWT_SECRET must be at least 32 bytes");
  });
});

describe("malformed input never causes a 500", () => {
  it("refuses JSON nested deeper than 32 levels before parsing it, and counts no brackets inside strings", async () => {
    const { jsonDepthExceeds } = await import("../../src/platform/middleware/json-body");
    expect(jsonDepthExceeds(`${"[".repeat(33)}${"]".repeat(33)}`, 32)).toBe(true);
    expect(jsonDepthExceeds(`${"[".repeat(32)}${"]".repeat(32)}`, 32)).toBe(false);
    expect(
      jsonDepthExceeds(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"{{{{' }), 2),
    ).toBe(false);
    const response = await call(`${API}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `${'{"a":'.repeat(40)}1${"}".repeat(40)}`,
    });
    const body = await expectStatus(response, 422);
    expect(body.error.details[0].message).toContain("32");
  });

  it.each([
    ["a JSON array body", "[]"],
    ["a JSON string body", '"x"'],
    ["null", "null"],
    ["a deep array", `${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["a deep object", `${'{"a":'.repeat(40)}1${"}".repeat(40)}`],
  ])("%s", async (_, text) => {
    const response = await call(`${API}/invoices`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${session.jwt}`,
        "x-factus-token": session.factusToken,
        "content-type": "application/json",
      },
      body: text,
    });
    expect(response.status, await response.clone().text()).toBeLessThan(500);
    expect((await json(response)).error.code).toMatch(/VALIDATION_FAILED|MALFORMED_JSON/);
  });
});
