import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../src/platform/config";
import { purgeExpired } from "../../src/scheduled";
import {
  API,
  api,
  call,
  createUser,
  expectStatus,
  forgeJwt,
  json,
  newSession,
  seedInvoice,
} from "../helpers";

describe("bounded answers", () => {
  it("a 1 MB body of unknown keys to /auth/login answers at most 64 KiB, 50 details and a count", async () => {
    const body = `{${Array.from({ length: 60_000 }, (_, index) => `"k${index}":1`).join(",")}}`;
    expect(body.length).toBeGreaterThan(500_000);
    const response = await call(`${API}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const text = await response.text();
    expect(response.status).toBe(422);
    expect(text.length).toBeLessThan(64 * 1024);
    const details = JSON.parse(text).error.details;
    expect(details).toHaveLength(51);
    expect(details[50].message).toMatch(/^… y \d+ errores más$/);
  });
});

describe("paths and upstream", () => {
  it("'.', '..' and '%2E%2E' never become a reference code sent to Factus", async () => {
    const session = await newSession();
    for (const reference of [".", "%2E%2E", "..%2F", "-"]) {
      const response = await api(session, `/invoices/reference/${reference}`, { method: "DELETE" });
      const body = await json(response);
      expect([404, 422], `${reference}: ${JSON.stringify(body)}`).toContain(response.status);
    }
    // A literal ".." is resolved by URL parsing before any route sees it: DELETE /invoices/ matches no route.
    expect((await api(session, "/invoices/reference/..", { method: "DELETE" })).status).toBe(404);
  });

  it("refuses a plain-http Factus outside this machine", () => {
    const withBase = (url: string) =>
      readConfig({ ...env, JWT_SECRET: "x".repeat(40), FACTUS_BASE_URL: url } as never);
    expect(() => withBase("http://api.factus.com.co")).toThrow(ConfigError);
    expect(() => withBase("https://api.factus.com.co")).not.toThrow();
    expect(() => withBase("http://127.0.0.1:8788")).not.toThrow();
  });
});

describe("tokens", () => {
  it("token answers are never cached (Cache-Control: no-store)", async () => {
    const session = await newSession();
    const response = await call(`${API}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: session.user.email, password: session.user.password }),
    });
    await expectStatus(response, 200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the hourly purge (cron Trigger)", () => {
  it("drops expired idempotency keys, month-old finished jobs and crashed leases, keeps live jobs and the rest", async () => {
    const user = crypto.randomUUID();
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO idempotency_keys (user_id, idempotency_key, fingerprint, created_at, expires_at)
         VALUES (?1, 'old', 'f', ?2, ?2), (?1, 'live', 'f', ?2, ?3)`,
      ).bind(user, now - 1000, now + 3_600_000),
      env.DB.prepare(
        `INSERT INTO document_jobs (company_nit, kind, reference_code, document_number, user_id, request, state,
           created_at, updated_at)
         VALUES (?1, 'invoices', 'OLD', 'SETP1', ?1, '{}', 'validated', ?2, ?2),
           (?1, 'invoices', 'NEW', 'SETP2', ?1, '{}', 'validated', ?3, ?3),
           (?1, 'invoices', 'LIVE', 'SETP3', ?1, '{}', 'needs_token', ?2, ?2)`,
      ).bind(user, now - 31 * 86_400_000, now),
      env.DB.prepare(
        `INSERT INTO invoice_leases (lease_key, holder, expires_at) VALUES (?1, 'crashed', ?2), (?3, 'live', ?4)`,
      ).bind(`${user}:old`, now - 1, `${user}:live`, now + 60_000),
    ]);
    const removed = await purgeExpired(env.DB, now);
    expect(removed.idempotency_keys).toBeGreaterThanOrEqual(1);
    expect(removed.document_jobs).toBeGreaterThanOrEqual(1);
    const keys = await env.DB.prepare("SELECT idempotency_key FROM idempotency_keys WHERE user_id = ?1")
      .bind(user)
      .all();
    expect(keys.results.map((row) => row.idempotency_key)).toEqual(["live"]);
    const requests = await env.DB.prepare(
      "SELECT reference_code FROM document_jobs WHERE user_id = ?1 ORDER BY reference_code",
    )
      .bind(user)
      .all();
    expect(requests.results.map((row) => row.reference_code)).toEqual(["LIVE", "NEW"]);
    const leases = await env.DB.prepare("SELECT holder FROM invoice_leases WHERE lease_key LIKE ?1")
      .bind(`${user}:%`)
      .all();
    expect(leases.results.map((row) => row.holder)).toEqual(["live"]);
    // The Worker's own scheduled handler runs the same purge.
    await (
      exports.default as unknown as { scheduled: (options: { cron: string }) => Promise<unknown> }
    ).scheduled({
      cron: "17 * * * *",
    });
  });
});

describe("what the token machinery must refuse", () => {
  it("a disabled user's live token, a revoked token, and a token 31 s past its expiry", async () => {
    const disabled = await createUser({ disabled: true });
    const live = await forgeJwt({ sub: disabled.id });
    expect(
      (await call(`${API}/lookups/reference-tables`, { headers: { authorization: `Bearer ${live}` } }))
        .status,
    ).toBe(401);

    const revoked = await createUser();
    const issuedBefore = await forgeJwt({ sub: revoked.id, iat: Math.floor(Date.now() / 1000) - 60 });
    await env.DB.prepare("UPDATE users SET tokens_valid_after = ?1 WHERE id = ?2")
      .bind(Math.floor(Date.now() / 1000) - 5, revoked.id)
      .run();
    const refused = await call(`${API}/lookups/reference-tables`, {
      headers: { authorization: `Bearer ${issuedBefore}` },
    });
    expect((await expectStatus(refused, 401)).message).toContain("revocado");

    const fresh = await createUser();
    const stale = await forgeJwt({ sub: fresh.id, exp: Math.floor(Date.now() / 1000) - 31 });
    expect(
      (await call(`${API}/lookups/reference-tables`, { headers: { authorization: `Bearer ${stale}` } }))
        .status,
    ).toBe(401);
  });

  it("one user's Idempotency-Key is not another's", async () => {
    const [first, second] = [await newSession(), await newSession()];
    const key = crypto.randomUUID();
    const a = await api(first, "/invoices", {
      method: "POST",
      body: seedInvoice(),
      headers: { "idempotency-key": key },
    });
    const b = await api(second, "/invoices", {
      method: "POST",
      body: seedInvoice(),
      headers: { "idempotency-key": key },
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
  });
});
