/**
 * What every published package builds: one ESM entry and its .d.ts, runtime-neutral (Workers, Node, browsers).
 * Inside the monorepo packages import each other's src directly; this is for consumers outside it. Typed where it
 * is used (`defineConfig` in each package): tsup is each package's dependency, not the root's.
 */
export const publishedPackage = {
  entry: ["src/index.ts"],
  format: ["esm" as const],
  dts: true,
  platform: "neutral" as const,
  target: "es2022",
  clean: true,
};
