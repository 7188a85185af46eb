import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyJwt } from "../../src/auth/jwt";
import { API, call, createUser, expectStatus, json, newSession } from "../helpers";

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  call(`${API}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });

describe("local login", () => {
  it("issues an HS256 JWT with sub, email, iat, nbf, exp, iss, aud, jti (1 h)", async () => {
    const user = await createUser();
    const body = await expectStatus(await login(user.email.toUpperCase(), user.password), 200);
    expect(body.message).toBe("Inicio de sesión exitoso");
    expect(body.data).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    const verified = await verifyJwt(body.data.access_token, env.JWT_SECRET!, {
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      maxLifetimeSeconds: 3600,
    });
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.claims).toMatchObject({
        sub: user.id,
        email: user.email,
        iss: "factus-edge",
        aud: "factus-edge-api",
      });
      expect(verified.claims.exp - verified.claims.iat).toBe(3600);
      expect(verified.claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("answers the same for an unknown e-mail and a wrong password, and refuses disabled users", async () => {
    const user = await createUser();
    const wrong = await expectStatus(await login(user.email, "not the password"), 401);
    const unknown = await expectStatus(await login("nobody@empresa.test", "whatever password"), 401);
    expect(wrong.error.code).toBe("INVALID_CREDENTIALS");
    expect({ ...wrong, error: { ...wrong.error, request_id: "" } }).toEqual({
      ...unknown,
      error: { ...unknown.error, request_id: "" },
    });
    const disabled = await createUser({ disabled: true });
    expect((await expectStatus(await login(disabled.email, disabled.password), 401)).error.code).toBe(
      "INVALID_CREDENTIALS",
    );
  });

  it("never echoes the password", async () => {
    const response = await login("nobody@empresa.test", "s3cret-Pa55word!");
    expect(await response.text()).not.toContain("s3cret-Pa55word!");
  });

  it("limits failed login attempts with 429 and Retry-After, across IPs; successes do not count", async () => {
    const user = await createUser();
    const headers = { "cf-connecting-ip": "203.0.113.7" };
    for (let attempt = 0; attempt < 12; attempt++)
      expect((await login(user.email, user.password, headers)).status).toBe(200);
    for (let attempt = 0; attempt < 10; attempt++)
      expect((await login(user.email, "wrong password", headers)).status).toBe(401);
    const limited = await login(user.email, user.password, headers);
    const body = await expectStatus(limited, 429);
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Rotating addresses does not help: the e-mail's own bucket is locked too.
    expect((await login(user.email, user.password, { "cf-connecting-ip": "203.0.113.8" })).status).toBe(429);
  });
});

describe("token revocation", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const claimsOf = (token: string) =>
    JSON.parse(
      new TextDecoder().decode(Uint8Array.fromBase64(token.split(".")[1]!, { alphabet: "base64url" })),
    ) as { iat: number; nbf: number; exp: number };
  const use = (token: string) =>
    call(`${API}/lookups/reference-tables`, { headers: { authorization: `Bearer ${token}` } });

  it("refuses a token issued in the very second of a revocation; a login in that second gets one that works", async () => {
    // One frozen second: the token, the revocation and the next login all happen in it.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2031-05-01T08:00:00.250Z"));
    const user = await createUser();
    const first = (await expectStatus(await login(user.email, user.password), 200)).data.access_token;
    const { iat } = claimsOf(first);
    // What `user:revoke` does (scripts/d1.mjs): tokens_valid_after = now, in whole seconds.
    await env.DB.prepare("UPDATE users SET tokens_valid_after = ?1 WHERE id = ?2").bind(iat, user.id).run();
    const refused = await expectStatus(await use(first), 401);
    expect(refused.message).toBe("El token fue revocado; inicie sesión de nuevo");

    const second = (await expectStatus(await login(user.email, user.password), 200)).data.access_token;
    const claims = claimsOf(second);
    expect(claims.iat).toBe(iat + 1);
    expect(claims.exp - claims.iat).toBe(3600);
    await expectStatus(await use(second), 200);
  });
});

describe("Factus login proxy", () => {
  it("logs in to Factus and refreshes, with the server's own client credentials", async () => {
    const session = await newSession();
    const headers = { "content-type": "application/json", authorization: `Bearer ${session.jwt}` };
    const loginBody = await expectStatus(
      await call(`${API}/auth/factus/login`, {
        method: "POST",
        headers,
        body: JSON.stringify({ email: "sandbox@factus.local", password: "sandbox-password" }),
      }),
      200,
    );
    expect(loginBody.message).toBe("Autenticación exitosa");
    expect(Object.keys(loginBody.data).sort()).toEqual([
      "access_token",
      "expires_in",
      "factus_api_version",
      "refresh_token",
      "token_type",
    ]);
    // The seeded sandbox account is v1: a form totals with v1's arithmetic.
    expect(loginBody.data.factus_api_version).toBe("v1");

    const refreshed = await expectStatus(
      await call(`${API}/auth/factus/refresh`, {
        method: "POST",
        headers,
        body: JSON.stringify({ refresh_token: loginBody.data.refresh_token }),
      }),
      200,
    );
    expect(refreshed.message).toBe("Token refrescado exitosamente");
    expect(refreshed.data.access_token).not.toBe(loginBody.data.access_token);

    const reused = await call(`${API}/auth/factus/refresh`, {
      method: "POST",
      headers,
      body: JSON.stringify({ refresh_token: loginBody.data.refresh_token }),
    });
    expect((await expectStatus(reused, 401)).error.code).toBe("FACTUS_UNAUTHENTICATED");
  });

  it("answers FACTUS_UNAUTHENTICATED for wrong Factus credentials, and needs the local JWT", async () => {
    const session = await newSession();
    const wrong = await call(`${API}/auth/factus/login`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${session.jwt}` },
      body: JSON.stringify({ email: "sandbox@factus.local", password: "wrong" }),
    });
    expect((await expectStatus(wrong, 401)).error.code).toBe("FACTUS_UNAUTHENTICATED");
    const anonymous = await call(`${API}/auth/factus/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "sandbox@factus.local", password: "sandbox-password" }),
    });
    expect((await json(anonymous)).error.code).toBe("UNAUTHENTICATED");
  });
});
