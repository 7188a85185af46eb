import { describe, expect, it } from "vitest";
import { API, call } from "../helpers";

// CORS_ORIGINS in wrangler.jsonc (local): the invoice page's dev servers.
const PAGE = "http://localhost:5173";
const STRANGER = "https://evil.example";

const preflight = (origin: string) =>
  call(`${API}/invoices`, {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "authorization,content-type,x-factus-token,idempotency-key",
    },
  });

const varyOf = (response: Response) =>
  (response.headers.get("vary") ?? "").split(",").map((value) => value.trim().toLowerCase());

describe("a preflight", () => {
  it("from an allowed origin: 204 with the methods and headers the API takes", async () => {
    const response = await preflight(PAGE);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(response.headers.get("access-control-allow-methods")?.split(",")).toEqual(
      expect.arrayContaining(["GET", "POST", "DELETE"]),
    );
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase().split(",")).toEqual(
      expect.arrayContaining(["authorization", "content-type", "x-factus-token", "idempotency-key"]),
    );
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(varyOf(response)).toContain("origin");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.text()).toBe("");
  });

  it("from any other origin: no permission granted", async () => {
    const response = await preflight(STRANGER);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-headers")).toBeNull();
    expect(varyOf(response)).toContain("origin");
  });
});

describe("an answer", () => {
  it("to an allowed origin names it and exposes the API's own headers", async () => {
    const response = await call(`${API}/health`, { headers: { Origin: PAGE } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(response.headers.get("access-control-expose-headers")?.split(",")).toEqual(
      expect.arrayContaining(["X-Request-Id", "Retry-After", "Idempotent-Replayed", "X-Cache", "Location"]),
    );
    expect(varyOf(response)).toContain("origin");
  });

  it("that is an error still carries them, so the page can read the error envelope", async () => {
    const response = await call(`${API}/invoices`, { headers: { Origin: PAGE } });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect((await response.json()) as object).toHaveProperty("error.code", "UNAUTHENTICATED");
  });

  it("to another origin, or to no origin, grants nothing but still varies by Origin", async () => {
    for (const headers of [{ Origin: STRANGER }, {}] as Record<string, string>[]) {
      const response = await call(`${API}/health`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-expose-headers")).toBeNull();
      expect(varyOf(response)).toContain("origin");
    }
  });
});
