import { afterEach, describe, expect, it, vi } from "vitest";
import { API, api, call, createUser, expectStatus, json, seedInvoice } from "../helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("logs", () => {
  it("a full walkthrough logs one JSON line per request with no password, token, JWT or customer data", async () => {
    const lines: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
      });
    }
    const user = await createUser();
    const login = await json(
      await call(`${API}/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: user.password }),
      }),
    );
    await call(`${API}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: user.email, password: "a-wrong-password" }),
    });
    const jwt = login.data.access_token;
    const account = `logs-${crypto.randomUUID()}@tenant.test`;
    const factus = await json(
      await call(`${API}/auth/factus/login`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${jwt}` },
        body: JSON.stringify({ email: account, password: "sandbox-password" }),
      }),
    );
    const session = {
      user,
      jwt,
      factusToken: factus.data.access_token,
      factusRefreshToken: factus.data.refresh_token,
      account,
      factusVersion: "v1" as const,
    };
    const invoice = seedInvoice({ customer: { ...seedInvoice().customer, email: "compras@acme.test" } });
    const created = await expectStatus(
      await api(session, "/invoices", { method: "POST", body: invoice }),
      201,
    );
    // A stored connection and an API key, used: neither the key nor the connection's tokens reach a log.
    const jwtOnly = { authorization: `Bearer ${jwt}`, "content-type": "application/json" };
    const connection = await json(
      await call(`${API}/factus-connections`, {
        method: "POST",
        headers: jwtOnly,
        body: JSON.stringify({ email: account, password: "sandbox-password" }),
      }),
    );
    const apiKey = await json(
      await call(`${API}/api-keys`, {
        method: "POST",
        headers: jwtOnly,
        body: JSON.stringify({ name: "logs", connection_id: connection.data.id }),
      }),
    );
    await expectStatus(
      await call(`${API}/invoices/${created.data.number}`, {
        headers: { authorization: `Bearer ${apiKey.data.key}` },
      }),
      200,
    );
    await api(session, `/invoices/${created.data.number}`);
    await api(session, `/invoices/${created.data.number}/pdf`);
    await api(session, `/invoices?identification=900123456`);
    await api(session, "/invoices", {
      method: "POST",
      body: { ...invoice, customer: { ...invoice.customer, dv: "1" } },
    });

    const secrets = [
      user.password,
      "a-wrong-password",
      "sandbox-password",
      jwt,
      jwt.split(".")[2]!,
      factus.data.access_token,
      factus.data.refresh_token,
      apiKey.data.key,
      "900123456",
      "compras@acme.test",
      "Acme Corporation",
      created.data.cufe,
    ];
    const requestLines = lines.filter((line) => line.includes('"msg":"request"'));
    expect(requestLines.length).toBeGreaterThanOrEqual(8);
    for (const line of requestLines) {
      const entry = JSON.parse(line);
      expect(Object.keys(entry).sort()).toEqual([
        "duration_ms",
        "level",
        "method",
        "msg",
        "request_id",
        "route",
        "status",
        "user_id",
      ]);
    }
    // Route patterns, not raw paths: the invoice number never appears either.
    expect(requestLines.map((line) => JSON.parse(line).route)).toContain("/api/v1/invoices/:number");
    for (const line of lines) {
      expect(line).not.toContain(created.data.number);
      for (const secret of secrets)
        expect(line, `a log line contains ${secret.slice(0, 12)}…`).not.toContain(secret);
    }
  });
});
