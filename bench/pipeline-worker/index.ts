import { FactusBillResponse } from "@factus-edge/contracts/factus/bills";
import { dianStatusOf } from "@factus-edge/contracts/schemas/dian-status";
import { CreateInvoiceRequest } from "@factus-edge/contracts/schemas/invoice-request";
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { jwt as honoJwt } from "hono/jwt";
import { createApp } from "../../apps/edge/src/app";
import { signJwt } from "../../apps/edge/src/auth/jwt";
import type { Config } from "../../apps/edge/src/platform/config";
import { factusBillList, factusBillWith, factusCompany, factusRanges, invoiceWith } from "./fixtures";
import { type Counts, countedEnv, type Destination, emptyCounts, HopTrace } from "./single-homed";

export { CompanyWork } from "../../apps/edge/src/completion/company-work";
export { FactusConnectionObject } from "../../apps/edge/src/factus/connections/connection-object";

import { NearFactus as EdgeNearFactus } from "../../apps/edge/src/near-factus";

export { RateLimiter } from "../../apps/edge/src/platform/rate-limiter-object";

// The contracts by module, as the edge imports them: the edge's routers load on demand, so esbuild wraps these
// modules to initialize on first use, and an import through the package's entry left them uninitialized here (the
// peer's schema was undefined when its route was built).

// Timers inside workerd only move at I/O, so the loop runs here and the caller times the whole request from outside.

const config: Config = {
  jwtSecret: "bench-secret-bench-secret-bench-secret-0123",
  jwtIssuer: "factus-edge",
  jwtAudience: "factus-edge-api",
  jwtTtlSeconds: 3600,
  factusBaseUrl: "http://factus.bench",
  // The in-process Factus below answers v1: pinned, so no version probe is timed.
  factusApiVersion: "v1",
  factusTimeoutMs: 15000,
  factusCreateTimeoutMs: 30000,
  factusClientId: "id",
  factusClientSecret: "secret",
  factusConnectionKeys: "b1:YmVuY2gta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXMtISE",
  corsOrigins: [],
  rateLimitPerMinute: 1e9,
  loginAttemptsPer15Minutes: 10,
  loginAttemptsPerIpPer15Minutes: 100,
  loginAttemptsPerEmailPer5Minutes: 10,
  documentRetrySchedule: [60_000],
  documentRetryHorizonHours: 48,
  backgroundFactusCallsPerMinute: 60,
  webhookRetrySchedule: [0],
  webhookRetryHorizonHours: 72,
  webhookTimeoutMs: 10_000,
  webhookAllowPrivateUrls: false,
  placeNearFactus: true,
  nearFactusLocationHint: "enam",
  placed: false,
};
const user = {
  id: "u-1",
  email: "bench@empresa.test",
  name: "Bench",
  password_hash: "x",
  disabled: 0,
  tokens_valid_after: 0,
};
// In-memory bindings for the timing loops: D1 answers the user lookup at once, the rate limiter always allows.
const statement = {
  first: async () => user,
  run: async () => ({ meta: { changes: 1 } }),
  all: async () => ({ results: [], meta: { changes: 0 } }),
};
const env = {
  DB: {
    prepare: () => ({ bind: () => statement }),
    batch: async (statements: unknown[]) => statements.map(() => ({ results: [], meta: { changes: 1 } })),
  },
  USER_RATE_LIMIT: { limit: async () => ({ success: true }) },
};

/**
 * The edge's object near Factus, its D1 calls counted and traced like the edge's own (they are the placed write's
 * inner hops). The harness runs one request at a time, so the object reads the current request's trace.
 */
export class NearFactus extends EdgeNearFactus {
  override async write(request: Request, config: Config) {
    const env = this.env;
    if (trace)
      Object.defineProperty(this, "env", { value: countedEnv(env, counts, trace), configurable: true });
    try {
      return await super.write(request, config);
    } finally {
      Object.defineProperty(this, "env", { value: env, configurable: true });
    }
  }
}

let upstreamBody = "";
let counts: Counts = emptyCounts();
/** The current count's trace; none while the timing loops run (their Factus answers at once, untraced). */
let trace: HopTrace | undefined;
// The in-memory upstream: Factus answering instantly with a bill of the right size (and, to the create's cached
// range pre-flight, the account's ranges).
globalThis.fetch = async (input: RequestInfo | URL) => {
  counts.factus++;
  const url = String(input);
  const body = url.includes("/v1/numbering-ranges")
    ? factusRanges
    : url.includes("/v1/company")
      ? factusCompany
      : /\/v1\/bills(\?|$)/.test(url)
        ? JSON.stringify(factusBillList)
        : upstreamBody;
  const answer = async () => new Response(body, { headers: { "content-type": "application/json" } });
  return trace ? trace.call("factus", answer) : answer();
};
console.log = () => {}; // the request log line is still built; only printing it is skipped

// The whole API (every router), as the Worker has it once each router has served a request.
const appReady = createApp(config);
const bare = new Hono();
bare.post("/echo", async (c) => c.json(await c.req.json()));
bare.get("/echo", (c) => c.json(JSON.parse(upstreamBody)));

// The Worker a user would write instead: Hono + @hono/zod-validator with the same schema, forwarding with fetch.
// No auth, no rate limit, no idempotency, no answer mapping: the floor of a validating proxy.
const peer = new Hono();
const forward = async (path: string, init: RequestInit, factusToken = "") => {
  const upstream = await fetch(`${config.factusBaseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${factusToken}`, "content-type": "application/json" },
  });
  return upstream.json();
};
peer.post("/api/v1/invoices", zValidator("json", CreateInvoiceRequest), async (c) =>
  c.json(
    await forward(
      "/v1/bills/validate",
      { method: "POST", body: JSON.stringify(c.req.valid("json")) },
      c.req.header("x-factus-token"),
    ),
    201,
  ),
);
peer.get("/api/v1/invoices/:number", async (c) =>
  c.json(await forward(`/v1/bills/show/${c.req.param("number")}`, {}, c.req.header("x-factus-token"))),
);

// The same peer behind hono/jwt (the gateway's tokens, HS256): what authentication alone adds to a proxy, the part of
// the gateway's cost that no proxy serving companies' invoices can skip.
const peerWithJwt = new Hono();
peerWithJwt.use(honoJwt({ secret: config.jwtSecret, alg: "HS256" }));
peerWithJwt.route("/", peer);

// The floor of a gateway that reports DIAN's verdict on a legal document: the peer with authentication that also
// checks Factus' answer with its schema before saying anything about the document (the gateway never reports a
// document's state from an unchecked answer) and answers its DIAN status. No rate limit, idempotency, pre-flight,
// ledger, log line or public mapping: what no invoicing gateway may skip, and nothing more.
const peerKept = new Hono();
peerKept.use(honoJwt({ secret: config.jwtSecret, alg: "HS256" }));
const checked = (answer: unknown) => {
  const { data } = FactusBillResponse.parse(answer);
  return { ...data, dian_status: dianStatusOf(data.bill.status, data.bill.errors) };
};
peerKept.post("/api/v1/invoices", zValidator("json", CreateInvoiceRequest), async (c) =>
  c.json(
    checked(
      await forward(
        "/v1/bills/validate",
        { method: "POST", body: JSON.stringify(c.req.valid("json")) },
        c.req.header("x-factus-token"),
      ),
    ),
    201,
  ),
);
peerKept.get("/api/v1/invoices/:number", async (c) =>
  c.json(
    checked(await forward(`/v1/bills/show/${c.req.param("number")}`, {}, c.req.header("x-factus-token"))),
  ),
);

// For the GET's CPU against the peer's: an edge cache that never holds anything, so every read goes to the same
// in-memory upstream as the peer's (under wrangler dev the real Cache API is a loopback service, not a local one).
const realCaches = caches;
const emptyCache = { match: async () => undefined, put: async () => {}, delete: async () => false };
const useCache = (enabled: boolean) =>
  Object.defineProperty(globalThis, "caches", {
    value: enabled ? realCaches : { default: emptyCache, open: async () => emptyCache },
    configurable: true,
    writable: true,
  });

let jwt: Promise<string> | undefined;
const token = () => {
  const now = Math.floor(Date.now() / 1000);
  jwt ??= signJwt(
    {
      sub: user.id,
      email: user.email,
      iat: now,
      nbf: now,
      // The edge refuses a token whose lifetime exceeds JWT_TTL_SECONDS (a forged long-lived token): the bench's is
      // one hour, as the edge issues them; a bench run is far shorter.
      exp: now + config.jwtTtlSeconds,
      iss: config.jwtIssuer,
      aud: config.jwtAudience,
      jti: "bench",
    },
    config.jwtSecret,
  );
  return jwt;
};

/**
 * Each kind of request once, in order, through the app with the real local bindings (D1 with the edge's migrations
 * and the user bench/lib/pipeline.mjs added, the Durable Objects, the Rate Limiting binding), counted and traced as
 * hops, every call to a place `delays` names delayed as a far-away one would be. Each request gets an execution
 * context, as in production: what it hands to `waitUntil` runs after its answer (awaited here before the next
 * request). `io_ms` is the time the request waited on I/O: workerd's clock moves only at I/O, so CPU is not in it.
 */
async function countSingleHomedCalls(
  realEnv: Cloudflare.Env,
  email: string,
  password: string,
  delays: Partial<Record<Destination, number>>,
) {
  upstreamBody = factusBillWith(10);
  const body = invoiceWith(10);
  const measured = async (kind: string, path: string, init: RequestInit) => {
    counts = emptyCounts();
    const current = new HopTrace(delays);
    trace = current;
    const pending: Promise<unknown>[] = [];
    const context = {
      waitUntil: (promise: Promise<unknown>) => pending.push(promise),
      passThroughOnException: () => {},
      props: {},
    } as unknown as ExecutionContext;
    const started = Date.now();
    const response = await (await appReady).request(
      path,
      init,
      countedEnv(realEnv, counts, current),
      context,
    );
    const text = await response.text();
    const ioMs = Date.now() - started;
    const hops = current.criticalPath(current.answered());
    const calls = { ...counts };
    await Promise.allSettled(pending);
    if (response.status >= 300) throw new Error(`${kind} answered ${response.status}: ${text}`);
    return { kind, status: response.status, ...calls, hops, io_ms: ioMs, text };
  };
  const login = await measured("login", "/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const jwt = JSON.parse(login.text).data.access_token;
  const headers = { authorization: `Bearer ${jwt}`, "x-factus-token": crypto.randomUUID() };
  const create = (key?: string): RequestInit => ({
    method: "POST",
    headers: { ...headers, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
    body,
  });
  const key = crypto.randomUUID();
  const rows = [
    login,
    await measured(
      "get, first request of the user and token in this isolate",
      "/api/v1/invoices/SETP990000001",
      {
        headers,
      },
    ),
    await measured("get, validated invoice read again", "/api/v1/invoices/SETP990000001", { headers }),
    await measured("create, first with this Factus token", "/api/v1/invoices", create()),
    await measured("create without Idempotency-Key", "/api/v1/invoices", create()),
    await measured("create with Idempotency-Key", "/api/v1/invoices", create(key)),
    await measured("create replayed (same key)", "/api/v1/invoices", create(key)),
    await measured("list of invoices", "/api/v1/invoices?page=1", { headers }),
  ];
  return rows.map(({ text: _text, ...row }) => row);
}

export default {
  // The Worker's own execution context goes to every request, as in production (answers are not held back by
  // work handed to waitUntil, such as storing a validated document in the edge cache).
  async fetch(request: Request, realEnv: Cloudflare.Env, ctx: ExecutionContext) {
    const url = new URL(request.url);
    if (url.searchParams.get("op") === "count") {
      const { email, password, delays } = (await request.json()) as {
        email: string;
        password: string;
        delays?: Partial<Record<Destination, number>>;
      };
      try {
        return Response.json(await countSingleHomedCalls(realEnv, email, password, delays ?? {}));
      } finally {
        trace = undefined;
      }
    }
    const items = Number(url.searchParams.get("items") ?? "10");
    const n = Number(url.searchParams.get("n") ?? "100");
    const target = url.searchParams.get("target") ?? "app";
    const operation = url.searchParams.get("op") ?? "create";
    useCache(url.searchParams.get("cache") !== "off");
    const body = invoiceWith(items);
    upstreamBody = factusBillWith(items);
    const headers = {
      authorization: `Bearer ${await token()}`,
      "x-factus-token": "factus-token",
      "content-type": "application/json",
      "content-length": String(new TextEncoder().encode(body).length),
    };
    const app = await appReady;
    let status = 0;
    for (let i = 0; i < n; i++) {
      const service =
        target === "peer"
          ? peer
          : target === "peer-jwt"
            ? peerWithJwt
            : target === "peer-kept"
              ? peerKept
              : app;
      const response =
        target === "bare"
          ? await bare.request("/echo", operation === "create" ? { method: "POST", headers, body } : {})
          : operation === "create"
            ? await service.request("/api/v1/invoices", { method: "POST", headers, body }, env, ctx)
            : await service.request("/api/v1/invoices/SETP990000001", { headers }, env, ctx);
      await response.arrayBuffer();
      status = response.status;
    }
    return Response.json({ n, status });
  },
};
