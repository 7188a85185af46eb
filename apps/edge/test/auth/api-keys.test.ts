import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  API,
  call,
  emulatorAdmin,
  expectStatus,
  FACTUS_VERSIONS,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// Server-to-server access: a stored Factus connection and API keys bound to it. A system calls with its key alone:
// no local login, no Factus login, no X-Factus-Token.

const PASSWORD = "sandbox-password";

/** A request with an API key only. */
const withKey = (key: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  call(`${API}${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${key}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

/** A logged-in user's call without X-Factus-Token (the management routes need none). */
const asUser = (
  session: Session,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) =>
  call(`${API}${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${session.jwt}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function connect(session: Session) {
  const created = await expectStatus(
    await asUser(session, "/factus-connections", {
      method: "POST",
      body: { email: session.account, password: PASSWORD },
    }),
    201,
  );
  return created.data as { id: string; company: { nit: string }; api_version: string; status: string };
}

async function keyFor(session: Session, connectionId: string, scopes?: string[]) {
  const created = await expectStatus(
    await asUser(session, "/api-keys", {
      method: "POST",
      body: { name: "ERP", connection_id: connectionId, ...(scopes && { scopes }) },
    }),
    201,
  );
  return created.data as { id: string; key: string; prefix: string; scopes: string[] };
}

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  it("a key creates, reads and annuls invoices with no JWT and no Factus token", async () => {
    const session = await newSession({ factusVersion });
    const connection = await connect(session);
    expect(connection).toMatchObject({ api_version: factusVersion, status: "active" });
    expect(connection.id).toMatch(/^fc_[0-9a-f]{32}$/);
    const { key, prefix, scopes } = await keyFor(session, connection.id);
    expect(key).toMatch(/^fek_[A-Za-z0-9_-]{32}$/);
    expect(key.startsWith(prefix)).toBe(true);
    expect(scopes).toEqual(["documents:read", "documents:write"]);

    const invoice = await expectStatus(
      await withKey(key, "/invoices", { method: "POST", body: seedInvoice() }),
      201,
    );
    const detail = await expectStatus(await withKey(key, `/invoices/${invoice.data.number}`), 200);
    expect(detail.data.data.bill.number).toBe(invoice.data.number);
    await expectStatus(await withKey(key, `/invoices?number=${invoice.data.number}`), 200);
    await expectStatus(await withKey(key, "/company"), 200);
    await expectStatus(await withKey(key, "/lookups/municipalities?name=Bogot"), 200);
    const annulled = await expectStatus(
      await withKey(key, `/invoices/${invoice.data.number}/annul`, { method: "POST", body: {} }),
      201,
    );
    expect(annulled.data.invoice_number).toBe(invoice.data.number);

    // The listing shows the key by prefix, never the key, with when it was last used.
    const keys = await expectStatus(await asUser(session, "/api-keys"), 200);
    expect(keys.data).toHaveLength(1);
    expect(JSON.stringify(keys.data)).not.toContain(key);
    expect(keys.data[0].last_used_at).not.toBeNull();

    // A logged-in user may name the connection instead of sending a Factus token.
    const named = await asUser(session, "/invoices", { headers: { "x-factus-connection": connection.id } });
    await expectStatus(named, 200);
  });
});

describe("API keys: what they may not do", () => {
  it("a documents:read key cannot create; no key manages keys, connections or the account", async () => {
    const session = await newSession({ role: "admin" });
    const connection = await connect(session);
    const { key } = await keyFor(session, connection.id, ["documents:read"]);
    const refused = await expectStatus(
      await withKey(key, "/invoices", { method: "POST", body: seedInvoice() }),
      403,
    );
    expect(refused.error.code).toBe("FORBIDDEN");
    // A preview issues nothing: a read.
    await expectStatus(await withKey(key, "/invoices/preview", { method: "POST", body: seedInvoice() }), 200);
    for (const [method, path] of [
      ["GET", "/api-keys"],
      ["GET", "/factus-connections"],
      ["POST", "/numbering-ranges"],
      ["POST", "/auth/factus/login"],
    ] as const) {
      const response = await withKey(key, path, { method, ...(method === "POST" ? { body: {} } : {}) });
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  it("a revoked key, and the keys of a user revoked or disabled, are refused", async () => {
    const session = await newSession();
    const connection = await connect(session);
    const revoked = await keyFor(session, connection.id);
    await expectStatus(await withKey(revoked.key, "/company"), 200);
    await expectStatus(await asUser(session, `/api-keys/${revoked.id}`, { method: "DELETE" }), 200);
    expect((await expectStatus(await withKey(revoked.key, "/company"), 401)).error.code).toBe(
      "UNAUTHENTICATED",
    );
    await expectStatus(await asUser(session, `/api-keys/${revoked.id}`, { method: "DELETE" }), 404);

    // `user:revoke` (sessions revoked now): keys made before go with them.
    const beforeRevocation = await keyFor(session, connection.id);
    await env.DB.prepare("UPDATE users SET tokens_valid_after = ?2 WHERE id = ?1")
      .bind(session.user.id, Math.floor(Date.now() / 1000) + 1)
      .run();
    expect((await expectStatus(await withKey(beforeRevocation.key, "/company"), 401)).error.code).toBe(
      "UNAUTHENTICATED",
    );

    const other = await newSession();
    const otherKey = await keyFor(other, (await connect(other)).id);
    await env.DB.prepare("UPDATE users SET disabled = 1 WHERE id = ?1").bind(other.user.id).run();
    expect((await expectStatus(await withKey(otherKey.key, "/company"), 401)).error.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("user B can neither see nor use A's key or connection: 404", async () => {
    const [a, b] = await Promise.all([newSession(), newSession()]);
    const connection = await connect(a);
    const key = await keyFor(a, connection.id);
    expect((await expectStatus(await asUser(b, "/factus-connections"), 200)).data).toEqual([]);
    expect((await expectStatus(await asUser(b, "/api-keys"), 200)).data).toEqual([]);
    await expectStatus(await asUser(b, `/api-keys/${key.id}`, { method: "DELETE" }), 404);
    await expectStatus(await asUser(b, `/factus-connections/${connection.id}`, { method: "DELETE" }), 404);
    await expectStatus(
      await asUser(b, "/api-keys", { method: "POST", body: { name: "x", connection_id: connection.id } }),
      404,
    );
    await expectStatus(
      await asUser(b, "/invoices", { headers: { "x-factus-connection": connection.id } }),
      404,
    );
    // A's key still works.
    await expectStatus(await withKey(key.key, "/company"), 200);
  });
});

describe("a connection's tokens", () => {
  it("50 parallel calls across an access token's expiry: one refresh, none refused", async () => {
    const session = await newSession();
    const connection = await connect(session);
    const { key } = await keyFor(session, connection.id);
    await expectStatus(await withKey(key, "/company/subscription"), 200);
    // Factus' clock moves past the access token's hour: it refuses the token the gateway holds. The refresh token
    // rotates, and Factus refuses a used one: two refreshes racing would kill the connection.
    await emulatorAdmin(session, "/clock", { advance_seconds: 3_700 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        withKey(key, index % 2 ? "/company/subscription" : "/invoices"),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const object = env.FACTUS_CONNECTIONS.get(env.FACTUS_CONNECTIONS.idFromName(connection.id));
    expect(await object.refreshes()).toBe(1);
  });

  it("a refresh token Factus no longer accepts: needs_reauth, then renewed under the same id, keys intact", async () => {
    const session = await newSession();
    const connection = await connect(session);
    const { key } = await keyFor(session, connection.id);
    // Past the refresh token's 30 days too.
    await emulatorAdmin(session, "/clock", { advance_seconds: 31 * 86_400 });
    const dead = await expectStatus(await withKey(key, "/company"), 401);
    expect(dead.error.code).toBe("FACTUS_CONNECTION_NEEDS_REAUTH");
    const listed = await expectStatus(await asUser(session, "/factus-connections"), 200);
    expect(listed.data[0]).toMatchObject({ id: connection.id, status: "needs_reauth" });
    const renewed = await expectStatus(
      await asUser(session, `/factus-connections/${connection.id}/reauthorize`, {
        method: "POST",
        body: { email: session.account, password: PASSWORD },
      }),
      200,
    );
    expect(renewed.data).toMatchObject({ id: connection.id, status: "active" });
    await expectStatus(await withKey(key, "/company"), 200);
  });

  it("a token Factus refuses right after its renewal is not renewed again: 401, no refresh loop", async () => {
    const session = await newSession();
    const connection = await connect(session);
    const { key } = await keyFor(session, connection.id);
    await emulatorAdmin(session, "/clock", { advance_seconds: 3_700 });
    await expectStatus(await withKey(key, "/company"), 200);
    // Refused again within a minute of the refresh (the clock jumps again): an account problem, not an expiry.
    await emulatorAdmin(session, "/clock", { advance_seconds: 3_700 });
    const refused = await expectStatus(await withKey(key, "/company"), 401);
    expect(refused.error.code).toBe("FACTUS_UNAUTHENTICATED");
    const object = env.FACTUS_CONNECTIONS.get(env.FACTUS_CONNECTIONS.idFromName(connection.id));
    expect(await object.refreshes()).toBe(1);
  });

  it("Factus unable to renew the token (503 on the refresh): a retryable 503, then the next call renews it", async () => {
    const session = await newSession();
    const connection = await connect(session);
    const { key } = await keyFor(session, connection.id);
    await expectStatus(await withKey(key, "/company"), 200);
    await emulatorAdmin(session, "/clock", { advance_seconds: 3_700 });
    await emulatorAdmin(session, "/faults", { fault: "status=503", times: 1, path_prefix: "/oauth/token" });
    const unavailable = await expectStatus(await withKey(key, "/company"), 503);
    expect(unavailable.error.code).toBe("UPSTREAM_UNAVAILABLE");
    // The connection is not blamed for Factus' outage: still active, and the next call renews the token.
    const listed = await expectStatus(await asUser(session, "/factus-connections"), 200);
    expect(listed.data[0].status).toBe("active");
    await expectStatus(await withKey(key, "/company"), 200);
  });

  it("at rest: no key, refresh token, access token or password in D1 or the connection's storage", async () => {
    const session = await newSession();
    const grant = await (
      await call(`${API}/auth/factus/login`, {
        method: "POST",
        headers: { authorization: `Bearer ${session.jwt}`, "content-type": "application/json" },
        body: JSON.stringify({ email: session.account, password: PASSWORD }),
      })
    ).json<{ data: { access_token: string; refresh_token: string } }>();
    const connection = await connect(session);
    const { key } = await keyFor(session, connection.id);
    await expectStatus(await withKey(key, "/company"), 200);

    const tables = ["factus_connections", "api_keys", "users"];
    const d1 = JSON.stringify(
      await Promise.all(tables.map((table) => env.DB.prepare(`SELECT * FROM ${table}`).all())),
    );
    const object = env.FACTUS_CONNECTIONS.get(env.FACTUS_CONNECTIONS.idFromName(connection.id));
    const stored = await runInDurableObject(object, async (_instance, state) =>
      JSON.stringify([...(await state.storage.list()).entries()]),
    );
    expect(stored).toContain("refresh");
    for (const secret of [key, PASSWORD]) {
      expect(d1).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    // Tokens of this account never appear in clear (a grant's tokens are random per grant; none is stored raw).
    for (const token of [grant.data.access_token, grant.data.refresh_token])
      expect(stored).not.toContain(token);
    // Sealed: key id, IV and AES-GCM ciphertext, base64url.
    const entries = new Map(JSON.parse(stored) as [string, unknown][]);
    for (const name of ["refresh", "access"])
      expect(entries.get(name)).toMatch(/^t1\.[\w-]{16}\.[\w-]{40,}$/);
  });
});
