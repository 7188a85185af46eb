import { describe, expect, it } from "vitest";
import { API, call, json } from "../helpers";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked generically
type Doc = any;

async function openapi(): Promise<Doc> {
  const response = await call(`${API}/openapi.json`);
  expect(response.status).toBe(200);
  return json(response);
}

function operations(doc: Doc) {
  return Object.entries(doc.paths as Record<string, Doc>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  );
}

describe("the OpenAPI 3.1 document", () => {
  it("matches the committed snapshot (regenerate with `vitest -u` when the API changes on purpose)", async () => {
    const doc = await openapi();
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot("./openapi.snap.json");
  });

  it("documents every operation: operationId, tags, security, description, examples and error responses", async () => {
    const doc = await openapi();
    expect(doc.openapi).toBe("3.1.0");
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(17);
    const ids = new Set<string>();
    for (const { path, method, operation } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      ids.add(operation.operationId);
      expect(operation.tags?.length, where).toBeGreaterThan(0);
      expect(Array.isArray(operation.security), where).toBe(true);
      expect(operation.summary, where).toBeTruthy();
      expect(operation.description?.length, where).toBeGreaterThan(30);
      expect(JSON.stringify(operation), `${where} has no example`).toMatch(/"examples?"/);
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      expect(errors.length, where).toBeGreaterThan(0);
      for (const [status, response] of errors) {
        expect(JSON.stringify(response), `${where} ${status}`).toContain(
          "#/components/schemas/ErrorEnvelope",
        );
      }
      const success = Object.keys(operation.responses).filter((status) => status.startsWith("2"));
      expect(success.length, where).toBeGreaterThanOrEqual(1);
    }
    expect(ids.size).toBe(ops.length);
  });

  it("declares both security schemes and uses them on Factus-backed routes", async () => {
    const doc = await openapi();
    expect(doc.components.securitySchemes).toMatchObject({
      bearerAuth: { type: "http", scheme: "bearer" },
      factusToken: { type: "apiKey", in: "header", name: "X-Factus-Token" },
      factusConnection: { type: "apiKey", in: "header", name: "X-Factus-Connection" },
      apiKey: { type: "http", scheme: "bearer" },
    });
    // A logged-in user with a Factus token or a stored connection, or an API key with the operation's scope.
    const create = doc.paths["/api/v1/invoices"].post;
    expect(create.security).toEqual([
      { bearerAuth: [], factusToken: [] },
      { bearerAuth: [], factusConnection: [] },
      { apiKey: ["documents:write"] },
    ]);
    expect(doc.paths["/api/v1/invoices"].get.security.at(-1)).toEqual({ apiKey: ["documents:read"] });
    expect(doc.paths["/api/v1/api-keys"].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths["/api/v1/health"].get.security).toEqual([]);
    for (const code of [
      "DIAN_REJECTED",
      "FACTUS_PENDING_DOCUMENT",
      "IDEMPOTENCY_KEY_REUSED",
      "UPSTREAM_TIMEOUT",
    ]) {
      expect(JSON.stringify(create.responses)).toContain(code);
    }
  });

  it("serves the interactive reference", async () => {
    const response = await call(`${API}/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`${API}/openapi.json`);
  });
});
