import { createExecutionContext, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import { readConfig } from "../../src/platform/config";
import type { RateLimiter } from "../../src/platform/rate-limiter-object";
import { API, api, createUser, newSession, type Session, type TestUser, withBrokenLimiter } from "../helpers";

// Login throttling that holds under a burst, across evictions, and against a password spray.

const login = (app: Awaited<ReturnType<typeof createApp>>, email: string, password: string, ip: string) =>
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
    const app = await createApp(readConfig(env));
    const user = await createUser();
    const ip = uniqueIp();
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => login(app, user.email, "wrong-password-1", ip)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    const limited = responses.find((response) => response.status === 429)!;
    // The address's first lockout is its 15-minute window, no more.
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    // The right password from a new address is refused too while the e-mail's short window is full: the counter is
    // the account's, not the guess's, or a 200 among the 429s would tell the guesser it found the password.
    const elsewhere = await login(app, user.email, user.password, uniqueIp());
    expect(elsewhere.status).toBe(429);
    expect(Number(elsewhere.headers.get("retry-after"))).toBeLessThanOrEqual(5 * 60);
  });

  it("keeps its counts in the object's storage, so they survive the object being rebuilt", async () => {
    const user = await createUser();
    const app = await createApp(readConfig(env));
    await login(app, user.email, "wrong-password-1", uniqueIp());
    const stub = env.RATE_LIMITER.getByName(`login:email:${user.email.toLowerCase()}`);
    const stored = await runInDurableObject(stub, (_: RateLimiter, state) =>
      state.storage.sql.exec<{ count: number }>("SELECT count FROM throttle").toArray(),
    );
    expect(stored).toEqual([{ count: 1 }]);
  });

  it("a password sprayed over 30 e-mails from one IP is limited per IP", async () => {
    const app = await createApp({ ...readConfig(env), loginAttemptsPerIpPer15Minutes: 20 });
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
    const app = await createApp(readConfig(env));
    const user = await createUser();
    const ip = uniqueIp();
    for (let index = 0; index < 15; index++)
      expect((await login(app, user.email, user.password, ip)).status).toBe(200);
  });
});

// The clock the app and the RATE_LIMITER objects read (one isolate in these tests): only Date is faked, so I/O and
// timers run as usual.
const T0 = Date.parse("2031-03-01T12:00:00Z");
const setClock = (ms: number) => vi.setSystemTime(ms);
const minutes = (count: number) => count * 60_000;
afterEach(() => {
  vi.useRealTimers();
});

/** Tries the right password once a minute from `ip` until it gets in; the minutes it waited. */
async function minutesUntilLogin(
  app: Awaited<ReturnType<typeof createApp>>,
  user: TestUser,
  ip: string,
  from: number,
) {
  for (let waited = 0; waited <= 60; waited++) {
    setClock(from + minutes(waited));
    const response = await login(app, user.email, user.password, ip);
    if (response.status === 200) return waited;
    expect(response.status, await response.text()).toBe(429);
  }
  return Number.POSITIVE_INFINITY;
}

/** Ten wrong passwords for `user` from `ip`: the number that fills the IP + e-mail window. */
async function failTenTimes(
  app: Awaited<ReturnType<typeof createApp>>,
  user: TestUser,
  ip: string,
  label: string,
) {
  for (let index = 0; index < 10; index++)
    expect((await login(app, user.email, `${label}-${index}`, ip)).status).toBe(401);
}

/** At T0 (the clock faked), a user whose own address has just failed ten times: its first lockout. */
async function ownerAfterTypos() {
  vi.useFakeTimers({ toFake: ["Date"] });
  setClock(T0);
  const app = await createApp(readConfig(env));
  const user = await createUser();
  const ip = uniqueIp();
  await failTenTimes(app, user, ip, "typo");
  return { app, user, ip };
}

describe("an attacker cannot keep the owner out", () => {
  it("after 50 failures from 50 other IPs, the owner logs in at once from a known address, within 5 minutes from a new one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    setClock(T0);
    const app = await createApp(readConfig(env));
    const user = await createUser();
    const home = uniqueIp();
    expect((await login(app, user.email, user.password, home)).status).toBe(200);

    const attacker: number[] = [];
    for (let index = 0; index < 50; index++)
      attacker.push((await login(app, user.email, `guess-${index}`, uniqueIp())).status);
    // The e-mail's window slows the guessing: 10 tries in 5 minutes from however many addresses.
    expect(attacker.filter((status) => status === 401)).toHaveLength(10);
    expect(attacker.filter((status) => status === 429)).toHaveLength(40);

    const fromHome = await minutesUntilLogin(app, user, home, T0);
    const fromNewAddress = await minutesUntilLogin(app, user, uniqueIp(), T0);
    console.log(
      `owner after 50 failures from other IPs: logs in after ${fromHome} min from a known address, ` +
        `${fromNewAddress} min from a new one`,
    );
    expect(fromHome).toBe(0);
    expect(fromNewAddress).toBeLessThanOrEqual(5);
  });

  it("a refused try does not lengthen the wait: the owner's own typos lock that address for 15 minutes, not more", async () => {
    const { app, user, ip } = await ownerAfterTypos();
    // Trying again every minute (refused each time) does not push the end of the lockout.
    expect(await minutesUntilLogin(app, user, ip, T0)).toBe(15);
  });

  it("the back-off doubles only for the address that keeps guessing, and stops at 24 hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const app = await createApp(readConfig(env));
    const user = await createUser();
    const guesser = uniqueIp();
    const waits: number[] = [];
    let now = T0;
    for (let round = 0; round < 9; round++) {
      setClock(now);
      await failTenTimes(app, user, guesser, `guess-${round}`);
      const refused = await login(app, user.email, "one more guess", guesser);
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("retry-after"));
      waits.push(Math.round(wait / 60));
      // Meanwhile the owner, elsewhere, waits out the e-mail's 5-minute window at most.
      expect(await minutesUntilLogin(app, user, uniqueIp(), now)).toBeLessThanOrEqual(5);
      now += wait * 1000;
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
  });

  it("`user:unlock` (users.login_unlocked_at) clears the e-mail's throttles at once", async () => {
    const { app, user, ip } = await ownerAfterTypos();
    expect((await login(app, user.email, user.password, ip)).status).toBe(429);
    expect((await login(app, user.email, user.password, uniqueIp())).status).toBe(429);
    setClock(T0 + 1_000);
    // What scripts/d1.mjs `unlockUser` runs, with the clock of these tests.
    await env.DB.prepare("UPDATE users SET login_unlocked_at = ?1 WHERE email = ?2 COLLATE NOCASE")
      .bind(Date.now(), user.email.toUpperCase())
      .run();
    setClock(T0 + 2_000);
    expect((await login(app, user.email, user.password, ip)).status).toBe(200);
    // Only what came before the unlock is forgotten: the next ten wrong passwords lock the address again.
    await failTenTimes(app, user, ip, "again");
    expect((await login(app, user.email, user.password, ip)).status).toBe(429);
  });
});

describe("business routes fail open when the limiter is down", () => {
  it("answers the request (and logs a warning) instead of a 500", async () => {
    const session = await newSession();
    const app = await createApp(readConfig(env));
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
  const factusLogin = (session: Session, email: string, password: string) =>
    api(session, "/auth/factus/login", { method: "POST", body: { email, password } });

  it("one user's failures on a Factus account do not lock another user out of it", async () => {
    const [mallory, bob] = await Promise.all([newSession(), newSession()]);
    const account = `shared-${crypto.randomUUID()}@tenant.test`;
    const statuses: number[] = [];
    for (let index = 0; index < 25; index++)
      statuses.push((await factusLogin(mallory, account, `guess-${index}`)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    const response = await factusLogin(bob, account, "sandbox-password");
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it("the account's own ceiling takes several users, and holds for one 15-minute window, never hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    setClock(T0);
    const sessions = await Promise.all(Array.from({ length: 4 }, () => newSession()));
    const account = `ceiling-${crypto.randomUUID()}@tenant.test`;
    for (const session of sessions.slice(0, 3))
      for (let index = 0; index < 20; index++)
        expect((await factusLogin(session, account, `guess-${index}`)).status).toBe(401);
    const refused = await factusLogin(sessions[3]!, account, "sandbox-password");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    setClock(T0 + minutes(15));
    expect((await factusLogin(sessions[3]!, account, "sandbox-password")).status).toBe(200);
  });

  it("refuses the 21st failed Factus login in 15 minutes with 429; accepted grants do not count", async () => {
    const session = await newSession();
    for (let index = 0; index < 3; index++)
      expect((await factusLogin(session, session.account, "sandbox-password")).status).toBe(200);
    const target = `victim-${crypto.randomUUID()}@empresa.test`;
    const statuses: number[] = [];
    for (let index = 0; index < 21; index++)
      statuses.push((await factusLogin(session, target, `guess-${index}`)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
  });
});

describe("a successful login does not wait for its attempt to be given back", () => {
  it("answers 200 while the refund to the counters is still on its way", async () => {
    const app = await createApp(readConfig(env));
    const user = await createUser();
    // The counters take the attempt as usual but never confirm giving it back.
    const slowRefunds = {
      ...env,
      RATE_LIMITER: {
        getByName(name: string) {
          const stub = env.RATE_LIMITER.getByName(name);
          return {
            reserve: (...args: Parameters<RateLimiter["reserve"]>) => stub.reserve(...args),
            succeed: () => new Promise(() => {}),
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
