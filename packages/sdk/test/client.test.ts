import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createEdgeClient,
  createInvoice,
  downloadInvoicePdf,
  EdgeApiError,
  factusLogin,
  getInvoice,
  health,
  listInvoices,
  login,
  paginate,
  waitForBatch,
} from "../src/index";

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A scripted gateway: answers in order, records what each request carried. */
function scripted(...answers: (Response | Error)[]) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers as unknown as Iterable<[string, string]>),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const answer = answers.shift();
    if (!answer) throw new Error("no scripted answer left");
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const ok = (data: unknown, status = 200) => Response.json({ message: "ok", data }, { status });
const fail = (status: number, code: string, extra: Record<string, unknown> = {}, headers?: HeadersInit) =>
  Response.json(
    { message: `Falló: ${code}`, error: { code, request_id: "req-1", details: [], ...extra } },
    { status, headers },
  );
const BASE = "https://api.example.test";
const invoice = { reference_code: "INV-1" } as Parameters<typeof createInvoice>[1]["body"];

describe("@factus-edge/sdk", () => {
  it("logs in, keeps both tokens and sends each where the operation needs it", async () => {
    const { fetch, seen } = scripted(
      ok({ access_token: "jwt-1", token_type: "Bearer", expires_in: 3600 }),
      ok({ access_token: "factus-1", token_type: "Bearer", expires_in: 600, refresh_token: "refresh-1" }),
      ok({ number: "SETP1" }),
      ok({ status: "ok" }),
    );
    const client = createEdgeClient({ baseUrl: BASE, fetch });
    const token = await login(client, { body: { email: "a@b.co", password: "secret-password" } });
    expect(token.access_token).toBe("jwt-1");
    await factusLogin(client, { body: { email: "f@b.co", password: "x" } });
    const detail = await getInvoice(client, { path: { number: "SETP1" } });
    expect(detail).toEqual({ number: "SETP1" }); // the envelope's data, unwrapped
    await health(client);

    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(seen[1]?.headers.authorization).toBe("Bearer jwt-1");
    expect(seen[2]).toMatchObject({
      method: "GET",
      url: `${BASE}/api/v1/invoices/SETP1`,
      headers: { authorization: "Bearer jwt-1", "x-factus-token": "factus-1" },
    });
    expect(seen[3]?.headers["x-factus-token"]).toBeUndefined();
  });

  it("with an API key: no login calls, the key on every call, never a Factus token", async () => {
    const { fetch, seen } = scripted(ok({ number: "SETP1" }, 201), ok({ number: "SETP1" }));
    const client = createEdgeClient({ baseUrl: BASE, fetch, apiKey: "fek_abc" });
    await createInvoice(client, { body: invoice });
    await getInvoice(client, { path: { number: "SETP1" } });
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.headers.authorization).toBe("Bearer fek_abc");
      expect(request.headers["x-factus-token"]).toBeUndefined();
    }
    expect(seen[0]?.headers["idempotency-key"]).toBeTruthy();
  });

  it("with a stored connection: X-Factus-Connection instead of X-Factus-Token", async () => {
    const { fetch, seen } = scripted(ok({ number: "SETP1" }));
    const client = createEdgeClient({ baseUrl: BASE, fetch, accessToken: "jwt", factusConnection: "fc_1" });
    await getInvoice(client, { path: { number: "SETP1" } });
    expect(seen[0]?.headers).toMatchObject({ authorization: "Bearer jwt", "x-factus-connection": "fc_1" });
    expect(seen[0]?.headers["x-factus-token"]).toBeUndefined();
  });

  it("adds an Idempotency-Key to every create and reuses it on its own retries", async () => {
    const { fetch, seen } = scripted(
      new TypeError("fetch failed"), // the answer was lost
      fail(503, "FACTUS_OUTCOME_UNKNOWN", {}, { "retry-after": "0" }),
      ok({ number: "SETP2" }, 201),
      ok({ number: "SETP3" }, 201),
    );
    const client = createEdgeClient({ baseUrl: BASE, fetch, accessToken: "jwt", maxRetryDelay: 1000 });
    expect(await createInvoice(client, { body: invoice })).toEqual({ number: "SETP2" });
    await createInvoice(client, { body: invoice });

    const keys = seen.map((request) => request.headers["idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys.slice(0, 3)).toEqual([keys[0], keys[0], keys[0]]);
    expect(keys[3]).not.toBe(keys[0]); // another create, another key
    expect(seen[0]?.body).toEqual(invoice);
  });

  it("keeps a caller's own key", async () => {
    const { fetch, seen } = scripted(ok({ number: "SETP4" }, 201));
    const client = createEdgeClient({ baseUrl: BASE, fetch });
    await createInvoice(client, { body: invoice }, { idempotencyKey: "form-42" });
    expect(seen[0]?.headers["idempotency-key"]).toBe("form-42");
  });

  it("never repeats a call that is not safe to repeat", async () => {
    const { fetch, seen } = scripted(fail(503, "LOGIN_UNAVAILABLE", {}, { "retry-after": "0" }));
    const client = createEdgeClient({ baseUrl: BASE, fetch });
    await expect(login(client, { body: { email: "a@b.co", password: "p" } })).rejects.toMatchObject({
      status: 503,
      code: "LOGIN_UNAVAILABLE",
    });
    expect(seen).toHaveLength(1);
  });

  it("throws one error class with the stable code, request id and details", async () => {
    const details = [{ path: "customer.dv", message: "El DV de 900123456 es 8" }];
    const document = { number: "SETP5", recovery: "delete_fix_resend" };
    const { fetch } = scripted(
      fail(422, "VALIDATION_FAILED", { details }),
      fail(422, "DIAN_REJECTED", { document }),
    );
    const client = createEdgeClient({ baseUrl: BASE, fetch });
    const error = await createInvoice(client, { body: invoice }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EdgeApiError);
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_FAILED", requestId: "req-1", details });
    expect((error as Error).message).toBe("Falló: VALIDATION_FAILED");
    const rejected = (await createInvoice(client, { body: invoice }).catch(
      (e: unknown) => e,
    )) as EdgeApiError;
    expect(rejected.body.document).toEqual(document);
  });

  it("says so when the answer is not the gateway's envelope, and when there is none", async () => {
    const { fetch } = scripted(
      new Response("<html>Bad gateway</html>", { status: 502 }),
      new TypeError("offline"),
    );
    const client = createEdgeClient({ baseUrl: BASE, fetch, maxRetries: 0 });
    await expect(getInvoice(client, { path: { number: "X" } })).rejects.toMatchObject({
      status: 502,
      code: "UNEXPECTED_RESPONSE",
    });
    await expect(getInvoice(client, { path: { number: "X" } })).rejects.toMatchObject({
      status: 0,
      code: "NETWORK_ERROR",
    });
  });

  it("refreshes a refused Factus token once, with the stored refresh token, and repeats the call", async () => {
    const { fetch, seen } = scripted(
      ok({ access_token: "factus-old", token_type: "Bearer", expires_in: 600, refresh_token: "refresh-1" }),
      fail(401, "FACTUS_UNAUTHENTICATED"),
      ok({ access_token: "factus-new", token_type: "Bearer", expires_in: 600, refresh_token: "refresh-2" }),
      ok({ number: "SETP6" }),
    );
    const client = createEdgeClient({ baseUrl: BASE, fetch, accessToken: "jwt" });
    await factusLogin(client, { body: { email: "f@b.co", password: "x" } });
    expect(await getInvoice(client, { path: { number: "SETP6" } })).toEqual({ number: "SETP6" });
    expect(seen[2]).toMatchObject({
      url: `${BASE}/api/v1/auth/factus/refresh`,
      body: { refresh_token: "refresh-1" },
    });
    expect(seen[3]?.headers["x-factus-token"]).toBe("factus-new");
    expect(client.session.factus).toEqual({ accessToken: "factus-new", refreshToken: "refresh-2" });
  });

  it("takes the Factus token from the app's own hook when given one", async () => {
    const { fetch, seen } = scripted(ok({ number: "SETP7" }));
    const client = createEdgeClient({ baseUrl: BASE, fetch, factusToken: async () => "from-the-app" });
    await getInvoice(client, { path: { number: "SETP7" } });
    expect(seen[0]?.headers["x-factus-token"]).toBe("from-the-app");
  });

  it("answers PDFs as bytes and encodes path parameters", async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const { fetch, seen } = scripted(new Response(pdf, { headers: { "content-type": "application/pdf" } }));
    const client = createEdgeClient({ baseUrl: BASE, fetch });
    const bytes = await downloadInvoicePdf(client, { path: { number: "SETP 8/?" } });
    expect(bytes).toEqual(pdf);
    expect(seen[0]?.headers.accept).toBe("application/pdf");
    expect(seen[0]?.url).toBe(`${BASE}/api/v1/invoices/SETP%208%2F%3F/pdf`);
  });

  it("walks every page of a list", async () => {
    const page = (items: string[], page: number) =>
      ok({
        items: items.map((number) => ({ number })),
        pagination: { page, per_page: 2, total: 3, last_page: 2 },
      });
    const { fetch, seen } = scripted(page(["A", "B"], 1), page(["C"], 2));
    const client = createEdgeClient({ baseUrl: BASE, fetch });
    const numbers: string[] = [];
    for await (const item of paginate(listInvoices, client, { query: { per_page: "2", status: "1" } }))
      numbers.push(item.number);
    expect(numbers).toEqual(["A", "B", "C"]);
    expect(seen.map((request) => new URL(request.url).search)).toEqual([
      "?per_page=2&status=1&page=1",
      "?per_page=2&status=1&page=2",
    ]);
  });

  it("is typed from the document: bodies, path parameters and answers", () => {
    const client = createEdgeClient({ baseUrl: BASE });
    type Detail = Awaited<ReturnType<typeof getInvoice>>;
    expectTypeOf<Detail["data"]["bill"]["cufe"]>().toEqualTypeOf<string>();
    expectTypeOf(createInvoice).returns.resolves.toHaveProperty("dian_status");
    expectTypeOf(downloadInvoicePdf).returns.resolves.toEqualTypeOf<Uint8Array<ArrayBuffer>>();
    // @ts-expect-error — the path parameter is required
    void (() => getInvoice(client, {}));
    // @ts-expect-error — not a field of the request
    void (() => createInvoice(client, { body: { ...invoice, unknown_field: 1 } }));
  });
});

describe("waitForBatch", () => {
  const batch = (status: string, queued: number) =>
    Response.json({
      message: "Lote",
      data: {
        id: "ib_1",
        status,
        total: 2,
        accepted: 2,
        counts: queued ? { queued, validated: 2 - queued } : { validated: 2 },
        estimated_seconds_left: queued ? queued : null,
        created_at: "2026-12-03T10:00:00.000Z",
        completed_at: status === "completed" ? "2026-12-03T10:00:02.000Z" : null,
        items: [],
        pagination: { page: 1, per_page: 50, total: 2, last_page: 1 },
      },
    });

  it("polls with backoff until the batch is completed, telling each step", async () => {
    const { fetch, seen } = scripted(batch("running", 2), batch("running", 1), batch("completed", 0));
    const client = createEdgeClient({
      baseUrl: "https://edge.test",
      fetch,
      accessToken: "jwt",
      factusToken: () => "ft",
    });
    const progress: number[] = [];
    const done = await waitForBatch(client, "ib_1", {
      intervalMs: 1,
      onProgress: (step) => progress.push(step.counts.validated ?? 0),
    });
    expect(done.status).toBe("completed");
    expect(progress).toEqual([0, 1, 2]);
    expect(seen.map((request) => request.url)).toEqual(
      Array(3).fill("https://edge.test/api/v1/invoice-batches/ib_1"),
    );
  });

  it("gives up after its timeout", async () => {
    const { fetch } = scripted(batch("running", 2), batch("running", 2));
    const client = createEdgeClient({
      baseUrl: "https://edge.test",
      fetch,
      accessToken: "jwt",
      factusToken: () => "ft",
    });
    await expect(waitForBatch(client, "ib_1", { intervalMs: 50, timeoutMs: 10 })).rejects.toThrow(
      /did not finish/,
    );
  });
});
