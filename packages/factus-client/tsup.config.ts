import { defineConfig } from "tsup";

// ESM + .d.ts for consumers outside the monorepo; contracts and zod stay dependencies (one copy of each).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
});
