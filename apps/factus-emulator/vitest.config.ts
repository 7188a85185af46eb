import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.jsonc" },
      // Short token lifetimes and a small rate limit make expiry and 429 testable in seconds.
      miniflare: { bindings: { ACCESS_TOKEN_TTL_SECONDS: "3600", RATE_LIMIT_PER_MINUTE: "1000" } },
    }),
  ],
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 },
});
