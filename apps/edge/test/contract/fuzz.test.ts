import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { API, call, newSession, type Session, seedInvoice } from "../helpers";

// ≥ 10,000 generated requests over every route's body, query, path and headers: no 5xx, every answer in an
// envelope, no unhandled error logged.
const RUNS = 10_000;

let session: Session;
const errorLogs: string[] = [];
beforeAll(async () => {
  session = await newSession();
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errorLogs.push(args.map(String).join(" "));
  });
});
afterAll(() => {
  vi.restoreAllMocks();
});

const ROUTES = [
  ["POST", "/auth/login"],
  ["POST", "/auth/factus/login"],
  ["POST", "/auth/factus/refresh"],
  ["POST", "/invoices"],
  ["GET", "/invoices"],
  ["GET", "/invoices/{p}"],
  ["GET", "/invoices/{p}/pdf"],
  ["GET", "/invoices/{p}/xml"],
  ["GET", "/invoices/{p}/events"],
  ["POST", "/invoices/{p}/send-email"],
  ["DELETE", "/invoices/reference/{p}"],
  ["GET", "/numbering-ranges"],
  ["GET", "/lookups/municipalities"],
  ["GET", "/lookups/acquirer"],
  ["GET", "/lookups/reference-tables"],
  ["GET", "/health"],
  ["GET", "/openapi.json"],
  ["PUT", "/invoices"],
  ["GET", "/{p}"],
] as const;

/** A valid invoice with one field, at any depth, replaced by an arbitrary value. */
const mutatedInvoice = fc
  .tuple(fc.nat(), fc.oneof(fc.jsonValue(), fc.string(), fc.constant(undefined), fc.double(), fc.integer()))
  .map(([pick, value]) => {
    const invoice = seedInvoice() as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      if (node && typeof node === "object") {
        for (const [key, child] of Object.entries(node)) {
          paths.push([...path, Array.isArray(node) ? Number(key) : key]);
          walk(child, [...path, key]);
        }
      }
    };
    walk(invoice, []);
    const path = paths[pick % paths.length]!;
    let node = invoice as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path.at(-1)!] = value;
    return JSON.stringify(invoice);
  });

const body = fc.oneof(
  { weight: 4, arbitrary: mutatedInvoice },
  { weight: 2, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant("") },
  {
    weight: 1,
    arbitrary: fc.record({ email: fc.string(), password: fc.string() }).map((value) => JSON.stringify(value)),
  },
);

const segment = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom("SETP990000000", "..", "%00", "a/b", "ñ", "' OR 1=1"),
);
const query = fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 });

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  segment,
  query,
  body,
  auth: fc.constantFrom("valid", "missing", "garbage", "bearer-empty"),
  factus: fc.constantFrom("valid", "missing", "garbage"),
  contentType: fc.constantFrom(
    "application/json",
    "text/plain",
    "application/json; charset=utf-8",
    "",
    "application/x-www-form-urlencoded",
  ),
  idempotencyKey: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
  requestId: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
  accept: fc.constantFrom("application/json", "application/pdf", "*/*", "text/html"),
});

describe("fuzz: every route, hostile input", () => {
  it(`answers ${RUNS} generated requests without a 5xx, always in the envelope`, {
    timeout: 600_000,
  }, async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        count++;
        const method = input.route[0];
        const template: string = input.route[1];
        const path = template.replace("{p}", encodeURIComponent(input.segment));
        const search = new URLSearchParams(input.query).toString();
        const headers = new Headers();
        const printable = (value: string) => value.replace(/[^\x20-\x7e]/g, "");
        if (input.auth === "valid") headers.set("authorization", `Bearer ${session.jwt}`);
        if (input.auth === "garbage") headers.set("authorization", "Bearer x.y.z");
        if (input.auth === "bearer-empty") headers.set("authorization", "Bearer ");
        if (input.factus === "valid") headers.set("x-factus-token", session.factusToken);
        if (input.factus === "garbage") headers.set("x-factus-token", "garbage-token");
        if (input.contentType) headers.set("content-type", input.contentType);
        if (input.idempotencyKey !== undefined)
          headers.set("idempotency-key", printable(input.idempotencyKey));
        if (input.requestId !== undefined) headers.set("x-request-id", printable(input.requestId));
        headers.set("accept", input.accept);
        const hasBody = method === "POST" || method === "PUT";
        const response = await call(`${API}${path}${search ? `?${search}` : ""}`, {
          method,
          headers,
          body: hasBody ? input.body : undefined,
        });
        const text = await response.text();
        expect(response.status, `${method} ${path} → ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(response.headers.get("x-request-id")).toBeTruthy();
        if (!response.headers.get("content-type")?.includes("application/json")) {
          // Only the PDF/XML bytes and the docs page are not JSON.
          expect(response.status).toBe(200);
          return;
        }
        const parsed = JSON.parse(text);
        if (response.status >= 400) {
          expect(Object.keys(parsed).sort(), text).toEqual(["error", "message"]);
          expect(Object.keys(parsed.error).sort()).toEqual(["code", "details", "request_id"]);
        } else if (!path.endsWith("openapi.json")) {
          expect(Object.keys(parsed).sort(), text).toEqual(["data", "message"]);
        }
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    expect(count).toBeGreaterThanOrEqual(RUNS);
    expect(errorLogs.filter((line) => line.includes("unhandled"))).toEqual([]);
  });
});
