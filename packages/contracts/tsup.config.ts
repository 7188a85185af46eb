import { defineConfig } from "tsup";

// The ESM + .d.ts bundle a frontend outside the monorepo installs; inside it, packages import src directly.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
  treeshake: true,
});
