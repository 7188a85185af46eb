import { describe, expect, it } from "vitest";
import {
  FactusAbortError,
  FactusClient,
  FactusConnectionError,
  FactusRateLimitError,
  FactusServerError,
  FactusTimeoutError,
} from "../src";
import { example, fakeFetch, jsonResponse } from "./fake-fetch";

const company = () => jsonResponse(example("empresas__ver.1"));
const options = { accessToken: "t", maxRetryDelay: 50 };

describe("retries, timeouts and aborts", () => {
  it("retries a GET on 5xx, 408, 429 and connection errors, then succeeds", async () => {
    const answers = [
      () => jsonResponse({}, 503),
      () => jsonResponse({}, 408),
      () => jsonResponse({}, 429, { "retry-after": "0" }),
      () => Promise.reject(new TypeError("fetch failed")),
      company,
    ];
    const { fetch, calls } = fakeFetch((_, index) => answers[index]!());
    const profile = await new FactusClient({ ...options, fetch, maxRetries: 4 }).company.get();
    expect(profile.nit).toBe("900825759");
    expect(calls).toHaveLength(5);
  });

  it("gives up after maxRetries with the last error", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({ message: "down" }, 502));
    const error = await new FactusClient({ ...options, fetch, maxRetries: 2 }).company
      .get()
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusServerError);
    expect(calls).toHaveLength(3);
  });

  it("never retries a bill create, whatever the failure", async () => {
    for (const failure of [() => jsonResponse({}, 503), () => Promise.reject(new TypeError("reset"))]) {
      const { fetch, calls } = fakeFetch(failure);
      const client = new FactusClient({ ...options, fetch, maxRetries: 5 });
      await expect(
        client.bills.create(example("facturas__crear-y-validar-factura__factura-avanzada.1")),
      ).rejects.toThrow();
      expect(calls).toHaveLength(1);
    }
  });

  it("does not retry 4xx other than 408/429", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({ message: "no" }, 404));
    await new FactusClient({ ...options, fetch, maxRetries: 3 }).company.get().catch(() => undefined);
    expect(calls).toHaveLength(1);
  });

  it("honours Retry-After, and does not wait longer than maxRetryDelay", async () => {
    const { fetch, calls } = fakeFetch((_, index) =>
      index === 0 ? jsonResponse({}, 429, { "retry-after": "0.2" }) : company(),
    );
    const started = Date.now();
    await new FactusClient({ accessToken: "t", fetch, maxRetryDelay: 1000 }).company.get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(calls).toHaveLength(2);

    const tooLong = fakeFetch(() => jsonResponse({ message: "slow down" }, 429, { "retry-after": "120" }));
    const error = await new FactusClient({
      accessToken: "t",
      fetch: tooLong.fetch,
      maxRetryDelay: 1000,
    }).company
      .get()
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusRateLimitError);
    expect(tooLong.calls).toHaveLength(1);
  });

  it("backs off exponentially with jitter", async () => {
    const stamps: number[] = [];
    const { fetch } = fakeFetch(() => {
      stamps.push(Date.now());
      return jsonResponse({}, 500);
    });
    await new FactusClient({ accessToken: "t", fetch, maxRetries: 2, maxRetryDelay: 10_000 }).company
      .get()
      .catch(() => undefined);
    const [first = 0, second = 0, third = 0] = stamps;
    expect(second - first).toBeGreaterThanOrEqual(370); // 500 ms × [0.75, 1]
    expect(third - second).toBeGreaterThanOrEqual(740); // 1000 ms × [0.75, 1]
  });

  const hanging = () =>
    ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      )) as typeof fetch;

  it("times out an attempt with FactusTimeoutError", async () => {
    const client = new FactusClient({ accessToken: "t", fetch: hanging(), timeout: 50, maxRetries: 0 });
    await expect(client.company.get()).rejects.toBeInstanceOf(FactusTimeoutError);
  });

  it("composes the caller's signal: aborting throws FactusAbortError and stops retries", async () => {
    const controller = new AbortController();
    const client = new FactusClient({ accessToken: "t", fetch: hanging(), maxRetries: 3 });
    setTimeout(() => controller.abort(), 30);
    await expect(client.company.get({ signal: controller.signal })).rejects.toBeInstanceOf(FactusAbortError);
  });

  it("a body that breaks mid-stream is a connection error", async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"status":'));
              controller.error(new Error("reset"));
            },
          }),
        ),
    );
    const error = await new FactusClient({ accessToken: "t", fetch, maxRetries: 0 }).company
      .get()
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(FactusConnectionError);
  });
});
