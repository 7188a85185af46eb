import { createExecutionContext, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { readConfig } from "../../src/platform/config";
import type { RateLimiter } from "../../src/platform/rate-limiter-object";
import { API, api, createUser, newSession, withBrokenLimiter } from "../helpers";

// Login throttling that holds under a burst, across evictions, and against a password spray.

const login = (app: ReturnType<typeof createApp>, email: string, password: string, ip: string) =>
  app.fetch(
    new Request(`http://edge.test${API}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": ip },
      body: JSON.stringify({ email, password }),
    }),
    env,
    createExecutionContext(),
  );
const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID().slice(0, 4)}`;

describe("login throttling", () => {
  it("30 parallel wrong passwords for one e-mail: at most the limit answered 401, the rest 429", async () => {
    const app = createApp(readConfig(env));
    const user = await createUser();
    const ip = uniqueIp();
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => login(app, user.email, "wrong-password-1", ip)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    const limited = responses.find((response) => response.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(15 * 60);
    // The right password is refused too while the e-mail is locked: the counter is the account's, not the guess's.
    expect((await login(app, user.email, user.password, uniqueIp())).status).toBe(429);
  });

  it("keeps its counts in the object's storage, so they survive the object being rebuilt", async () => {
    const user = await createUser();
    const app = createApp(readConfig(env));
    await login(app, user.email, "wrong-password-1", uniqueIp());
    const stub = env.RATE_LIMITER.getByName(`login:email:${user.email.toLowerCase()}`);
    const stored = await runInDurableObject(stub, (_: RateLimiter, state) =>
      state.storage.sql.exec<{ count: number }>("SELECT count FROM bucket").toArray(),
    );
    expect(stored).toEqual([{ count: 1 }]);
  });

  it("a password sprayed over 30 e-mails from one IP is limited per IP", async () => {
    const app = createApp({ ...readConfig(env), loginAttemptsPerIpPer15Minutes: 20 });
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let index = 0; index < 30; index++) {
      statuses.push(
        (await login(app, `spray-${index}-${crypto.randomUUID()}@empresa.test`, "Summer2026!!", ip)).status,
      );
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
  });

  it("successful logins do not count", async () => {
    const app = createApp(readConfig(env));
    const user = await createUser();
    const ip = uniqueIp();
    for (let index = 0; index < 15; index++)
      expect((await login(app, user.email, user.password, ip)).status).toBe(200);
  });
});

describe("business routes fail open when the limiter is down", () => {
  it("answers the request (and logs a warning) instead of a 500", async () => {
    const session = await newSession();
    const app = createApp(readConfig(env));
    const broken = withBrokenLimiter();
    const response = await app.request(
      `${API}/lookups/reference-tables`,
      { headers: { authorization: `Bearer ${session.jwt}` } },
      broken,
    );
    expect(response.status).toBe(200);
    const numbering = await app.request(
      `${API}/numbering-ranges`,
      { headers: { authorization: `Bearer ${session.jwt}`, "x-factus-token": session.factusToken } },
      broken,
    );
    expect(numbering.status).toBe(200);
    expect((await api(session, "/numbering-ranges")).status).toBe(200);
  });
});

describe("the Factus OAuth proxy is limited per user and per Factus account", () => {
  it("refuses the 21st failed Factus login in 15 minutes with 429; accepted grants do not count", async () => {
    const session = await newSession();
    const factusLogin = (email: string, password: string) =>
      api(session, "/auth/factus/login", { method: "POST", body: { email, password } });
    for (let index = 0; index < 3; index++)
      expect((await factusLogin(session.account, "sandbox-password")).status).toBe(200);
    const target = `victim-${crypto.randomUUID()}@empresa.test`;
    const statuses: number[] = [];
    for (let index = 0; index < 21; index++)
      statuses.push((await factusLogin(target, `guess-${index}`)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
  });
});

describe("a successful login does not wait for its attempt to be given back", () => {
  it("answers 200 while the refund to the counters is still on its way", async () => {
    const app = createApp(readConfig(env));
    const user = await createUser();
    // The counters take the attempt as usual but never confirm giving it back.
    const slowRefunds = {
      ...env,
      RATE_LIMITER: {
        getByName(name: string) {
          const stub = env.RATE_LIMITER.getByName(name);
          return {
            reserve: (...args: Parameters<RateLimiter["reserve"]>) => stub.reserve(...args),
            refund: () => new Promise(() => {}),
          };
        },
      } as unknown as typeof env.RATE_LIMITER,
    };
    const answered = app.fetch(
      new Request(`http://edge.test${API}/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": uniqueIp() },
        body: JSON.stringify({ email: user.email, password: user.password }),
      }),
      slowRefunds,
      createExecutionContext(),
    );
    const waited = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("the answer waited for the refund")), 3_000),
    );
    expect((await Promise.race([answered, waited])).status).toBe(200);
  });
});
