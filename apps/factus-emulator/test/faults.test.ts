import { describe, expect, it } from "vitest";
import { accessToken, api, call, emulator, faultHeaders, json } from "./helpers";

describe("fault injection (test-only)", () => {
  it("status, malformed JSON, dropped connection, latency and 429 through X-Emulator-Fault", async () => {
    const token = await accessToken();
    const faulty = (fault: string) => api(token, "/v1/company", { headers: faultHeaders(fault) });

    expect((await faulty("status=503")).status).toBe(503);
    const malformed = await faulty("malformed-json");
    expect(malformed.status).toBe(200);
    await expect(malformed.clone().json()).rejects.toThrow();

    const dropped = await faulty("drop");
    await expect(dropped.text()).rejects.toThrow();

    const started = Date.now();
    const slow = await faulty("latency=300");
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    const limited = await faulty("rate-limit=9");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("9");
  });

  it("arms a fault for the next matching requests through the admin route", async () => {
    const token = await accessToken();
    await emulator.armFault("status=502", { times: 2, pathPrefix: "/v1/measurement-units" });
    expect((await api(token, "/v1/measurement-units")).status).toBe(502);
    expect((await api(token, "/v1/measurement-units")).status).toBe(502);
    expect((await api(token, "/v1/measurement-units")).status).toBe(200);
  });

  it("hides the admin routes without the secret", async () => {
    const response = await call("/__emulator/faults", {
      method: "POST",
      body: JSON.stringify({ fault: "drop" }),
    });
    expect(response.status).toBe(404);
  });

  it("enforces the per-user rate limit with Retry-After and X-RateLimit-* headers", async () => {
    const token = await accessToken();
    // A fresh minute window, so earlier requests of other tests do not count.
    await emulator.advanceClock(61);
    const limit = Number((await api(token, "/v1/measurement-units")).headers.get("x-ratelimit-limit"));
    let response: Response | undefined;
    for (let i = 0; i < limit + 5; i++) {
      response = await api(token, "/v1/measurement-units");
      if (response.status === 429) break;
    }
    expect(response?.status).toBe(429);
    expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response?.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await json(response!)).toEqual({ message: "Too Many Attempts." });
    await emulator.advanceClock(61);
  });
});
