import { env, exports } from "cloudflare:workers";
import { caller, connectEmulator, expectStatus, json } from "factus-emulator/testing/helpers";
import seedRequest from "../../../fixtures/seeds/create-invoice.request.json";
import { createApp } from "../src/app";
import { type JwtClaims, signJwt } from "../src/auth/jwt";
import { hashPassword } from "../src/auth/passwords";
import { readConfig } from "../src/platform/config";

export const API = "/api/v1";

/** A request to the edge Worker under test. */
export const call = caller("http://edge.test", (request) => exports.default.fetch(request));

export { expectStatus, json };

/** The Factus emulator the global setup started, through the test kit it exports. */
export const emulator = connectEmulator({ url: env.FACTUS_BASE_URL, adminSecret: env.EMULATOR_ADMIN_SECRET });

/** Factus timeouts of the gateway that `shortTimeouts` serves: a fault's latency must exceed them. */
export const SHORT_TIMEOUTS = { readMs: 1_500, createMs: 2_500 };
let shortTimeoutApp: ReturnType<typeof createApp> | undefined;

/**
 * The gateway with short Factus timeouts, for the tests *about* timeouts only: every other test runs with the deployed
 * ones, so a busy machine cannot turn a slow emulator into a failure. Same bindings and state as `call`.
 */
export function shortTimeouts(): typeof call {
  shortTimeoutApp ??= createApp({
    ...readConfig(env),
    factusTimeoutMs: SHORT_TIMEOUTS.readMs,
    factusCreateTimeoutMs: SHORT_TIMEOUTS.createMs,
  });
  const app = shortTimeoutApp;
  return async (path, init = {}) => (await app).request(`http://edge.test${path}`, init, env);
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** A local user straight into D1 (the same hash format the login verifies); a plain `user` unless told. */
export async function createUser(
  options: { disabled?: boolean; role?: "user" | "admin" } = {},
): Promise<TestUser> {
  const user = {
    id: crypto.randomUUID(),
    email: `user-${crypto.randomUUID()}@empresa.test`,
    password: "correct horse battery",
  };
  await env.DB.prepare(
    "INSERT INTO users (id, email, name, password_hash, disabled, role) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  )
    .bind(
      user.id,
      user.email,
      "Usuario de prueba",
      await hashPassword(user.password),
      options.disabled ? 1 : 0,
      options.role ?? "user",
    )
    .run();
  return user;
}

export type FactusVersion = "v1" | "v2";
/** The Factus API generations every lifecycle suite runs against (one emulator account of each). */
export const FACTUS_VERSIONS: FactusVersion[] = ["v1", "v2"];

export interface Session {
  /** The Factus API version of the session's account. */
  factusVersion: FactusVersion;
  user: TestUser;
  jwt: string;
  factusToken: string;
  factusRefreshToken: string;
  /** The emulator account (an isolated Factus company) this session invoices as. */
  account: string;
}

/**
 * A user, its local JWT and a Factus token of a fresh emulator account, all through the edge's own routes. A plain
 * `user` unless told: the administrative routes need `{ role: "admin" }`.
 */
export async function newSession(
  options: { role?: "user" | "admin"; factusVersion?: "v1" | "v2"; ownCompany?: boolean } = {},
): Promise<Session> {
  const user = await createUser({ role: options.role });
  const login = await expectStatus(
    await call(`${API}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: user.email, password: user.password }),
    }),
    200,
  );
  // The emulator opens a username containing "v2" as a Factus v2 company.
  // The test kit has every v1 account share the demo company, unless the suite asks for one of its own (`own-`).
  const account = `${options.ownCompany ? "own-" : ""}company-${options.factusVersion === "v2" ? "v2-" : ""}${crypto.randomUUID()}@tenant.test`;
  const factus = await expectStatus(
    await call(`${API}/auth/factus/login`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${login.data.access_token}` },
      body: JSON.stringify({ email: account, password: "sandbox-password" }),
    }),
    200,
  );
  return {
    factusVersion: options.factusVersion ?? "v1",
    user,
    jwt: login.data.access_token,
    factusToken: factus.data.access_token,
    factusRefreshToken: factus.data.refresh_token,
    account,
  };
}

/** An authenticated call: JSON bodies are serialized, both auth headers set. */
export function api(
  session: Session,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; via?: typeof call } = {},
) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${session.jwt}`,
    "x-factus-token": session.factusToken,
    ...init.headers,
  };
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  return (init.via ?? call)(`${API}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** The emulator's test controls (faults, RADIAN events), for this session's Factus account. */
export const emulatorAdmin = (session: Session, path: string, body?: unknown) =>
  emulator.forAccount(session.account).admin(path, body);

/** Disarms every emulator fault still armed for this session's account. */
export const clearFaults = (session: Session) => emulator.forAccount(session.account).clearFaults();

/**
 * A Factus path of the session's API version: suites name v1's (`/v1/bills/validate`); on a v2 account the same
 * route is under `/v2/` (`/v2/bills/validate`, `/v2/bills`, `/v2/credit-notes/validate`).
 */
export const factusPath = (session: Session, v1Path: string) => {
  if (session.factusVersion === "v1") return v1Path;
  // v2 shows a bill at /v2/bills/{number}: the emulator's bill numbers begin with the range prefix SETP.
  return v1Path.replace(/^\/v1\/bills\/show\/?/, "/v2/bills/SETP").replace(/^\/v1\//, "/v2/");
};

/** Arms an emulator fault for this session's next matching Factus calls (a v1 path is moved to a v2 account's). */
export const armFault = (session: Session, fault: string, pathPrefix: string, times = 1) =>
  emulator
    .forAccount(session.account)
    .armFault(fault, { pathPrefix: factusPath(session, pathPrefix), times });

/** The bills Factus (the emulator's store) holds under exactly this reference code, straight from Factus. */
export async function billsInFactus(session: Session, reference: string) {
  const response = await fetch(
    `${env.FACTUS_BASE_URL}${factusPath(session, "/v1/bills")}?filter[reference_code]=${encodeURIComponent(reference)}`,
    {
      headers: {
        authorization: `Bearer ${session.factusToken}`,
        accept: "application/json",
        "user-agent": "edge-tests",
      },
    },
  );
  const body = await json(response);
  return body.data.data
    .filter((row: { reference_code: string }) => row.reference_code === reference)
    .map((row: { number: string; status?: number; is_validated?: boolean }) => ({
      number: row.number,
      // v2 says `is_validated` where v1 said `status` 1.
      status: row.status ?? (row.is_validated ? 1 : 0),
    })) as { number: string; status: number }[];
}

/** A bill straight from Factus' store (the emulator), in the fields both versions have. */
export async function billInFactus(session: Session, number: string) {
  const v2 = session.factusVersion === "v2";
  const response = await fetch(
    `${env.FACTUS_BASE_URL}${v2 ? `/v2/bills/${number}` : `/v1/bills/show/${number}`}`,
    {
      headers: {
        authorization: `Bearer ${session.factusToken}`,
        accept: "application/json",
        "user-agent": "edge-tests",
      },
    },
  );
  const { data } = await json(response);
  return v2
    ? { number: data.number as string, cufe: data.cufe as string, total: data.totals.total as string }
    : {
        number: data.bill.number as string,
        cufe: data.bill.cufe as string,
        total: data.bill.total as string,
      };
}

/** The customer's seed request with its check digit fixed and a unique reference code. */
export function seedInvoice(overrides: Record<string, unknown> = {}) {
  const invoice = structuredClone(seedRequest) as Record<string, unknown> & typeof seedRequest;
  invoice.customer.dv = "8";
  // The published seed's e-mail is a page's obfuscation artifact ("[email protected]"): v1 takes it, v2 refuses it (a
  // real address is required there), so the suites send a real one.
  invoice.customer.email = "facturacion@acme.test";
  invoice.reference_code = `INV-${crypto.randomUUID().slice(0, 18)}`;
  return Object.assign(invoice, overrides);
}

/** The seed request exactly as the customer's docs publish it (dv 7). */
export const literalSeed = () => structuredClone(seedRequest);

/** A JWT of our own making, for the security suite: any claims, any header, any key. */
export async function forgeJwt(
  claims: Partial<JwtClaims>,
  options: { secret?: string; header?: Record<string, unknown>; signature?: "none" } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const full: JwtClaims = {
    sub: crypto.randomUUID(),
    email: "x@empresa.test",
    iat: now,
    nbf: now,
    exp: now + 600,
    iss: env.JWT_ISSUER,
    aud: env.JWT_AUDIENCE,
    jti: crypto.randomUUID(),
    ...claims,
  };
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  if (options.signature === "none" || options.header) {
    const signed = await signJwt(full, options.secret ?? env.JWT_SECRET!);
    const signature = options.signature === "none" ? "" : signed.split(".")[2];
    return `${encode(options.header ?? { alg: "none", typ: "JWT" })}.${encode(full)}.${signature}`;
  }
  return signJwt(full, options.secret ?? env.JWT_SECRET!);
}

/**
 * A numbering range created straight in the session's Factus account (the emulator), as an administrator would: on
 * a v2 account with v2's request (`document`, `prefix`, `resolution_number`, `current`).
 */
export async function createFactusRange(session: Session, range: Record<string, unknown>) {
  if (session.factusVersion === "v1") {
    return emulator.createRange(session.factusToken, {
      document: "21",
      current: 1,
      resolution_number: "1",
      technical_key: "k",
      ...range,
    });
  }
  // v2 takes a range's bounds, dates and technical key from DIAN's resolution: it is created without them.
  const { technical_key: _key, from: _from, to: _to, start_date: _start, end_date: _end, ...fields } = range;
  const response = await fetch(`${env.FACTUS_BASE_URL}/v2/numbering-ranges`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${session.factusToken}`,
      accept: "application/json",
      "content-type": "application/json",
      "user-agent": "edge-tests",
    },
    body: JSON.stringify({ document: "21", current: 1, resolution_number: "1", ...fields }),
  });
  const body = await json(response);
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`v2 range not created: ${response.status} ${JSON.stringify(body)}`);
  return body.data as { id: number; prefix: string };
}

/** The Worker's bindings with rate limiters (the login throttles' and the per-user one) that cannot be reached. */
export const withBrokenLimiter = () => ({
  ...env,
  RATE_LIMITER: {
    getByName() {
      throw new Error("limiter down");
    },
  },
  USER_RATE_LIMIT: {
    limit: () => Promise.reject(new Error("limiter down")),
  },
});
