import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.jsonc" },
      // The seeded account serves most tests at once: a limit of 1000 a minute keeps them clear of 429, and the rate
      // limit's own test sends requests up to it (faults.test.ts). Open accounts let a test have a company of its own.
      miniflare: {
        bindings: {
          ACCESS_TOKEN_TTL_SECONDS: "3600",
          RATE_LIMIT_PER_MINUTE: "1000",
          EMULATOR_OPEN_ACCOUNTS: "true",
        },
      },
    }),
  ],
  // Generous: on a machine whose cores are busy a hook that logs in takes many times its quiet time (only tests about
  // timeouts may be short).
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 },
});
