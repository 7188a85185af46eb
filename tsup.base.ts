import type { Options } from "tsup";

/**
 * What every published package builds: one ESM entry and its .d.ts, runtime-neutral (Workers, Node, browsers).
 * Inside the monorepo packages import each other's src directly; this is for consumers outside it.
 */
export const publishedPackage: Options = {
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
};
