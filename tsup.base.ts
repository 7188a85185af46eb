/**
 * What every published package builds: one ESM module and its .d.ts per source file, runtime-neutral (Workers,
 * Node, browsers). Inside the monorepo packages import each other's src directly; this is for consumers outside it.
 * Typed where it is used (`defineConfig` in each package): tsup is each package's dependency, not the root's.
 *
 * Modules, not one bundle: a bundle's top-level zod schema constructions are not marked pure, so no bundler can drop
 * them and `import { nitCheckDigit }` from it cost every schema (BENCHMARKS.md, "Tree-shaking from the published
 * tarball"). Kept as modules, `sideEffects: false` lets the consumer's bundler keep only the files it reaches.
 *
 * tsup rather than `tsc` emit: the sources import without file extensions (`moduleResolution: Bundler`), which tsc
 * would copy as they are and Node's ESM loader cannot resolve. esbuild resolves each import, and
 * `relativeImportsAsModules` writes it back with the emitted file's `.js` name; tsup's declaration build already
 * writes `.js` specifiers in the `.d.ts` files.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The part of esbuild's plugin API used here (esbuild is tsup's dependency, not the root's). */
interface ResolveBuild {
  onResolve(
    options: { filter: RegExp },
    callback: (args: {
      path: string;
      resolveDir: string;
      importer: string;
    }) => { path: string; external: true } | undefined,
  ): void;
}

/**
 * With every source file an entry, keeps each relative import external (so each file stays its own module) and
 * names it as Node ESM requires: `./nit` → `./nit.js`, `./factus/index` → `./factus/index.js`.
 */
const relativeImportsAsModules = {
  name: "relative-imports-as-modules",
  setup(build: ResolveBuild) {
    build.onResolve({ filter: /^\.\.?(\/|$)/ }, ({ path, resolveDir, importer }) => {
      if (!importer) return undefined; // an entry point itself
      const target = join(resolveDir, path);
      if (existsSync(`${target}.ts`)) return { path: `${path}.js`, external: true };
      if (existsSync(join(target, "index.ts"))) return { path: `${path}/index.js`, external: true };
      throw new Error(`${importer}: cannot map ${path} to an emitted module`);
    });
  },
};

export const publishedPackage = {
  entry: ["src/**/*.ts"],
  format: ["esm" as const],
  dts: true,
  // Bundling with every relative import external is a per-file transpile whose imports esbuild has resolved;
  // `bundle: false` would leave them as written (no extension).
  bundle: true,
  esbuildPlugins: [relativeImportsAsModules],
  platform: "neutral" as const,
  target: "es2022",
  clean: true,
};
