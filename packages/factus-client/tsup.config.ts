import { defineConfig } from "tsup";

// ESM + .d.ts for consumers outside the monorepo; the contracts package is bundled in.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
  noExternal: ["@factus-edge/contracts"],
});
