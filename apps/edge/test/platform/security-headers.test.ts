import { describe, expect, it } from "vitest";
import { DOCS_CONTENT_SECURITY_POLICY } from "../../src/routes/system/docs";
import { API, api, call, expectStatus, newSession, seedInvoice } from "../helpers";

const EXPECTED = {
  "strict-transport-security": "max-age=31536000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

const securityHeadersOf = (response: Response) =>
  Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, response.headers.get(name)]));

describe("security headers", () => {
  it.each([
    ["a JSON answer", `${API}/health`, {}, 200],
    ["an error envelope", `${API}/invoices`, {}, 401],
    ["an unknown route", `${API}/nothing-here`, {}, 404],
    [
      "a malformed body",
      `${API}/auth/login`,
      { method: "POST", body: "{", headers: { "content-type": "application/json" } },
      400,
    ],
    [
      "a CORS preflight",
      `${API}/invoices`,
      { method: "OPTIONS", headers: { Origin: "http://localhost:5173" } },
      204,
    ],
  ] as [string, string, RequestInit, number][])("are on %s", async (_kind, path, init, status) => {
    const response = await call(path, init);
    expect(response.status).toBe(status);
    expect(securityHeadersOf(response)).toEqual(EXPECTED);
  });

  it("leave the docs page its own content and opener policies", async () => {
    const response = await call(`${API}/docs`);
    expect(response.status).toBe(200);
    expect(securityHeadersOf(response)).toEqual(EXPECTED);
    expect(response.headers.get("content-security-policy")).toBe(DOCS_CONTENT_SECURITY_POLICY);
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  });
});

describe("answers of authenticated requests", () => {
  it("are private and never stored; a document's file varies on Accept, and q=0 refuses the bytes", async () => {
    const session = await newSession();
    const invoice = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: seedInvoice() }),
      201,
    );
    const detail = await api(session, `/invoices/${invoice.data.number}`);
    expect(detail.headers.get("cache-control")).toBe("private, no-store");
    const refused = await api(session, `/invoices/${invoice.data.number}/pdf`, {
      headers: { accept: "application/pdf;q=0, application/json" },
    });
    expect(refused.headers.get("content-type")).toContain("application/json");
    expect(refused.headers.get("vary")).toContain("Accept");
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
    const bytes = await api(session, `/invoices/${invoice.data.number}/pdf`, {
      headers: { accept: "application/json;q=0.5, application/pdf" },
    });
    expect(bytes.headers.get("content-type")).toBe("application/pdf");
    expect(bytes.headers.get("vary")).toContain("Accept");
    expect((await call(`${API}/health`)).headers.get("cache-control")).toBeNull();
  });
});
