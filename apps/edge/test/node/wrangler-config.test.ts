import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { experimental_readRawConfig } from "wrangler";

const { rawConfig } = experimental_readRawConfig({
  config: fileURLToPath(new URL("../../wrangler.jsonc", import.meta.url)),
});
interface Environment {
  ratelimits?: { name: string; namespace_id: string; simple: { limit: number; period: number } }[];
  vars?: Record<string, unknown>;
}
const environments: Record<string, Environment> = { top: rawConfig, ...rawConfig.env };

// Wrangler does not inherit `ratelimits` or `vars` into an environment, and the binding cannot say its own limit at
// run time: the X-RateLimit-Limit a client reads comes from RATE_LIMIT_PER_MINUTE, which must be what is enforced.
describe.each(Object.entries(environments))("wrangler.jsonc, %s", (_name, config) => {
  it("limits each user per minute with the Rate Limiting binding, at the limit the responses announce", () => {
    const binding = config.ratelimits?.find((entry) => entry.name === "USER_RATE_LIMIT");
    expect(binding?.simple).toEqual({
      limit: Number(config.vars?.RATE_LIMIT_PER_MINUTE),
      period: 60,
    });
  });
});

describe("rate-limit namespaces", () => {
  it("are distinct per environment and binding, so no count is spent twice", () => {
    const ids = Object.values(environments).flatMap((config) =>
      (config.ratelimits ?? []).map((entry) => entry.namespace_id),
    );
    expect(ids.length).toBe(Object.keys(environments).length * 2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("webhooks to private addresses", () => {
  it("are allowed only in local development, never in a deployed environment", () => {
    expect(rawConfig.vars?.WEBHOOK_ALLOW_PRIVATE_URLS).toBe("true");
    for (const name of ["staging", "production"])
      expect(environments[name]?.vars?.WEBHOOK_ALLOW_PRIVATE_URLS).toBe("false");
  });
});
