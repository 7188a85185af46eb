import { beforeAll, describe, expect, it } from "vitest";
import {
  API,
  api,
  call,
  emulatorAdmin,
  expectStatus,
  forgeJwt,
  json,
  newSession,
  type Session,
} from "../helpers";
import { OPERATIONS } from "./operations";

// The protected routes come from the generated OpenAPI document, so a new route is covered the day it is added.
const PROTECTED = OPERATIONS.filter((operation) => operation.user);

it("reads the protected routes from the OpenAPI document", () => {
  expect(PROTECTED.length).toBeGreaterThanOrEqual(18);
});

it("reads the administrative routes from the OpenAPI document", () => {
  expect(PROTECTED.filter((operation) => operation.admin).map((operation) => operation.operationId)).toEqual(
    expect.arrayContaining(["createNumberingRange", "deleteNumberingRange", "listDianRanges"]),
  );
});

let session: Session;
/** An admin's session, for the administrative routes: a plain user would be refused before what is tested. */
let admin: Session;
beforeAll(async () => {
  [session, admin] = await Promise.all([newSession(), newSession({ role: "admin" })]);
});

function send(route: (typeof PROTECTED)[number], headers: Record<string, string>) {
  return call(`${API}${route.path}`, {
    method: route.method,
    headers: { ...(route.body ? { "content-type": "application/json" } : {}), ...headers },
    body: route.body ? JSON.stringify(route.body()) : undefined,
  });
}

const badTokens: [string, () => Promise<string>][] = [
  [
    "a bad signature",
    () => forgeJwt({ sub: session.user.id }, { secret: "another-secret-that-is-also-long-enough-000" }),
  ],
  ["alg: none", () => forgeJwt({ sub: session.user.id }, { signature: "none" })],
  [
    "alg: HS512 in the header",
    () => forgeJwt({ sub: session.user.id }, { header: { alg: "HS512", typ: "JWT" } }),
  ],
  [
    "alg: RS256 in the header (HS/RS confusion)",
    () => forgeJwt({ sub: session.user.id }, { header: { alg: "RS256", typ: "JWT" } }),
  ],
  ["an expired token", () => forgeJwt({ sub: session.user.id, exp: Math.floor(Date.now() / 1000) - 120 })],
  [
    "a token not valid yet",
    () => forgeJwt({ sub: session.user.id, nbf: Math.floor(Date.now() / 1000) + 600 }),
  ],
  ["a wrong audience", () => forgeJwt({ sub: session.user.id, aud: "someone-else" })],
  ["a wrong issuer", () => forgeJwt({ sub: session.user.id, iss: "someone-else" })],
  ["an unknown user", () => forgeJwt({ sub: crypto.randomUUID() })],
  [
    "a lifetime (exp - iat) longer than JWT_TTL_SECONDS",
    () => forgeJwt({ sub: session.user.id, exp: Math.floor(Date.now() / 1000) + 400 * 24 * 3600 }),
  ],
  [
    "an iat more than 60 s in the future",
    () => forgeJwt({ sub: session.user.id, iat: Math.floor(Date.now() / 1000) + 120 }),
  ],
  ["no iat", () => forgeJwt({ sub: session.user.id, iat: undefined })],
  ["garbage", async () => "not.a.jwt"],
  // An API key that was never issued (or was revoked: the keys suite): refused on every route, whatever its scope.
  ["an unknown API key", async () => `fek_${"A".repeat(32)}`],
];

describe.each(PROTECTED)("$method $path", (route) => {
  const caller = () => (route.admin ? admin : session);

  it("refuses a missing local JWT", async () => {
    const body = await expectStatus(await send(route, { "x-factus-token": caller().factusToken }), 401);
    expect(body.error.code).toBe("UNAUTHENTICATED");
  });

  it.each(badTokens)("refuses %s", async (_, token) => {
    const response = await send(route, {
      authorization: `Bearer ${await token()}`,
      "x-factus-token": caller().factusToken,
    });
    expect((await expectStatus(response, 401)).error.code).toBe("UNAUTHENTICATED");
  });

  it.runIf(route.admin)("refuses a user without the admin role with 403 FORBIDDEN", async () => {
    const response = await send(route, {
      authorization: `Bearer ${session.jwt}`,
      "x-factus-token": session.factusToken,
    });
    const body = await expectStatus(response, 403);
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.message).toContain("rol admin");
  });

  it.runIf(route.factus)("refuses a missing X-Factus-Token", async () => {
    const body = await expectStatus(await send(route, { authorization: `Bearer ${caller().jwt}` }), 401);
    expect(body.error.code).toBe("FACTUS_TOKEN_MISSING");
  });

  it.runIf(route.factus)("maps Factus' 401 to FACTUS_UNAUTHENTICATED", async () => {
    const response = await send(route, {
      authorization: `Bearer ${caller().jwt}`,
      "x-factus-token": "revoked-token",
    });
    expect((await expectStatus(response, 401)).error.code).toBe("FACTUS_UNAUTHENTICATED");
  });

  it.runIf(route.factus)(
    "refuses an X-Factus-Token with bytes outside visible ASCII, without calling Factus",
    async () => {
      for (const token of [`${caller().factusToken}\x01`, `a\x7fb`, "tok\x1bn", "a b"]) {
        const response = await send(route, {
          authorization: `Bearer ${caller().jwt}`,
          "x-factus-token": token,
        });
        const body = await expectStatus(response, 401);
        expect(body.error.code, JSON.stringify(token)).toBe("FACTUS_UNAUTHENTICATED");
        expect(body.message, JSON.stringify(token)).toBe("X-Factus-Token no es válido");
      }
    },
  );
});

describe("the control case", () => {
  it("accepts a well-formed token of an existing user, so the refusals above are about their one defect", async () => {
    const token = await forgeJwt({ sub: session.user.id });
    const response = await call(`${API}/lookups/reference-tables`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it("tolerates 30 s of clock skew, not more", async () => {
    const now = Math.floor(Date.now() / 1000);
    const slightly = await forgeJwt({ sub: session.user.id, exp: now - 10 });
    const ok = await call(`${API}/lookups/reference-tables`, {
      headers: { authorization: `Bearer ${slightly}` },
    });
    expect(ok.status).toBe(200);
  });

  it("accepts an iat up to 60 s ahead and a lifetime of JWT_TTL_SECONDS plus the 30 s skew", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await forgeJwt({
      sub: session.user.id,
      iat: now + 55,
      nbf: now,
      exp: now + 55 + 3600 + 30,
    });
    const ok = await call(`${API}/lookups/reference-tables`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
  });
});

describe("what reaches Factus", () => {
  it("only the Factus token, as Authorization: Bearer; never the local JWT or the X-Factus-Token header", async () => {
    await expectStatus(
      await api(session, "/numbering-ranges", { headers: { "x-request-id": "trace-0000001" } }),
      200,
    );
    const { headers } = await json(await emulatorAdmin(session, "/last-request"));
    expect(headers.authorization).toBe(`Bearer ${session.factusToken}`);
    expect(headers["x-factus-token"]).toBeUndefined();
    expect(JSON.stringify(headers)).not.toContain(session.jwt);
    expect(JSON.stringify(headers)).not.toContain(session.jwt.split(".")[2]);
    expect(headers["x-request-id"]).toBe("trace-0000001");
  });
});
