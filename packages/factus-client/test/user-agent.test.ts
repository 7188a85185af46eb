import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FactusClient } from "../src";
import { AuthResource } from "../src/resources/auth";
import { BillsResource } from "../src/resources/bills";
import { CatalogsResource, CompanyResource, SubscriptionsResource } from "../src/resources/catalogs";
import { CreditNotesResource } from "../src/resources/credit-notes";
import { DebitNotesResource } from "../src/resources/debit-notes";
import { NumberingRangesResource } from "../src/resources/numbering-ranges";
import { AdjustmentNotesResource, SupportDocumentsResource } from "../src/resources/support-documents";
import { DEFAULT_USER_AGENT } from "../src/version";
import { fakeFetch, jsonResponse } from "./fake-fetch";

const credentials = { clientId: "id", clientSecret: "secret", username: "u@x.co", password: "pw" };
const packageVersion = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

/** Every resource of the client, by property: the methods to call are read from each class. */
const RESOURCES: Record<string, { prototype: object }> = {
  auth: AuthResource,
  bills: BillsResource,
  creditNotes: CreditNotesResource,
  debitNotes: DebitNotesResource,
  supportDocuments: SupportDocumentsResource,
  adjustmentNotes: AdjustmentNotesResource,
  numberingRanges: NumberingRangesResource,
  catalogs: CatalogsResource,
  company: CompanyResource,
  subscriptions: SubscriptionsResource,
};

/**
 * Calls every method of every resource of `client` (through the client: most load on their first call) with
 * placeholder arguments, ignoring how each one ends.
 */
async function callEverything(client: FactusClient<"v1" | "v2">) {
  const properties = Object.entries(client).filter(
    ([name, value]) => typeof value === "object" && name !== "versions",
  );
  expect(properties.map(([name]) => name).sort()).toEqual(Object.keys(RESOURCES).sort());
  for (const [name, resourceClass] of Object.entries(RESOURCES)) {
    const resource = client[name as keyof typeof client] as unknown as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    for (const method of Object.getOwnPropertyNames(resourceClass.prototype)) {
      if (method === "constructor") continue;
      await Promise.resolve()
        .then(() => resource[method]!("1", { email: "a@b.co", username: "u", password: "p" }, {}))
        .catch(() => undefined);
    }
  }
}

describe("User-Agent", () => {
  it("names the product and the package version", () => {
    expect(DEFAULT_USER_AGENT).toBe(`factus-edge-client/${packageVersion}`);
  });

  it("no request leaves without one: every resource call and both OAuth grants", async () => {
    const token = { token_type: "Bearer", expires_in: 3600, access_token: "a", refresh_token: "r" };
    const { fetch, calls } = fakeFetch((call) =>
      call.url.pathname === "/oauth/token" ? jsonResponse(token) : jsonResponse({ message: "no" }, 400),
    );
    for (const apiVersion of ["v1", "v2"] as const) {
      await callEverything(new FactusClient({ credentials, fetch, maxRetries: 0, apiVersion }));
    }
    await new FactusClient({ credentials, fetch }).auth.refreshGrant({ refreshToken: "r" });
    const paths = [...new Set(calls.map((call) => call.url.pathname))];
    expect(paths.filter((path) => path.startsWith("/v1/")).length, paths.join(" ")).toBeGreaterThan(20);
    expect(paths.filter((path) => path.startsWith("/v2/")).length, paths.join(" ")).toBeGreaterThan(20);
    expect(calls.filter((call) => call.url.pathname === "/oauth/token").length).toBeGreaterThan(1);
    const without = calls.filter((call) => call.headers.get("user-agent") !== DEFAULT_USER_AGENT);
    expect(without.map((call) => `${call.method} ${call.url.pathname}`)).toEqual([]);
  });

  it("defaultHeaders and per-call headers replace it (any case), and an empty one does not remove it", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({ message: "no" }, 400));
    const mine = new FactusClient({ accessToken: "t", fetch, defaultHeaders: { "User-Agent": "acme/1" } });
    await mine.company.get().catch(() => undefined);
    await mine.company.get({ headers: { "user-agent": "acme-call/2" } }).catch(() => undefined);
    const blank = new FactusClient({ accessToken: "t", fetch, defaultHeaders: { "user-agent": " " } });
    await blank.company.get().catch(() => undefined);
    expect(calls.map((call) => call.headers.get("user-agent"))).toEqual([
      "acme/1",
      "acme-call/2",
      DEFAULT_USER_AGENT,
    ]);
  });
});
