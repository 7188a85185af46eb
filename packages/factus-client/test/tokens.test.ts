import { afterEach, describe, expect, it, vi } from "vitest";
import { FactusClient } from "../src";
import { example, fakeFetch, jsonResponse } from "./fake-fetch";

const credentials = { clientId: "id", clientSecret: "secret", username: "u@x.co", password: "pw" };

/** A Factus that issues numbered tokens and accepts only the latest one. */
function fakeFactus(options: { refreshFails?: boolean; expiresIn?: number } = {}) {
  let issued = 0;
  const grants: string[] = [];
  const { fetch, calls } = fakeFetch(async (call) => {
    if (call.url.pathname === "/oauth/token") {
      const grant = new URLSearchParams(call.body).get("grant_type") ?? "";
      grants.push(grant);
      if (grant === "refresh_token" && options.refreshFails)
        return jsonResponse({ error: "invalid_grant" }, 400);
      await new Promise((resolve) => setTimeout(resolve, 20));
      issued++;
      return jsonResponse({
        token_type: "Bearer",
        expires_in: options.expiresIn ?? 3600,
        access_token: `access-${issued}`,
        refresh_token: `refresh-${issued}`,
      });
    }
    return call.headers.get("authorization") === `Bearer access-${issued}`
      ? jsonResponse(example("empresas__ver.1"))
      : jsonResponse({ message: "Unauthenticated." }, 401);
  });
  return { fetch, calls, grants };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("automatic tokens from credentials", () => {
  it("50 concurrent calls share one token request", async () => {
    const factus = fakeFactus();
    const client = new FactusClient({ credentials, fetch: factus.fetch });
    await Promise.all(Array.from({ length: 50 }, () => client.company.get()));
    expect(factus.grants).toEqual(["password"]);
    await client.company.get();
    expect(factus.grants).toEqual(["password"]);
  });

  it("refreshes a minute before expiry, single-flight", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const factus = fakeFactus({ expiresIn: 600 });
    const client = new FactusClient({ credentials, fetch: factus.fetch });
    await client.company.get();
    vi.setSystemTime(Date.now() + 541_000);
    await Promise.all(Array.from({ length: 10 }, () => client.company.get()));
    expect(factus.grants).toEqual(["password", "refresh_token"]);
  });

  it("falls back to the password grant when the refresh is refused", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const factus = fakeFactus({ refreshFails: true });
    const client = new FactusClient({ credentials, fetch: factus.fetch });
    await client.company.get();
    vi.setSystemTime(Date.now() + 3_600_000);
    await client.company.get();
    expect(factus.grants).toEqual(["password", "refresh_token", "password"]);
  });

  it("retries once with a fresh token when Factus answers 401", async () => {
    const factus = fakeFactus();
    const client = new FactusClient({ credentials, fetch: factus.fetch });
    await client.company.get();
    // Someone else logs in: Factus now only accepts the newer token.
    await client.auth.passwordGrant({ username: "u@x.co", password: "pw" });
    const profile = await client.company.get();
    expect(profile.nit).toBe("900825759");
    expect(factus.grants).toEqual(["password", "password", "refresh_token"]);
  });
});
