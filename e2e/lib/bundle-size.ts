// What a frontend that installed the tarballs ships for an import: bundled from the consumer project (so the packages
// resolve through their published `exports`, zod included in the bundle), minified for browsers, gzip.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build as esbuild } from "esbuild";
import { build as vite } from "vite";

/** Gzip bytes of the same import bundled by each bundler. */
export interface ImportCost {
  esbuild: number;
  vite: number;
}

/** esbuild, as the review and `pnpm bench` measure a frontend: browser ESM, minified. */
async function esbuildBundle(entry: string): Promise<Uint8Array[]> {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles.map((file) => file.contents);
}

/**
 * Vite's library mode (ES output, `minify: true`). In this mode Vite minifies without rewriting whitespace, so that
 * the library's pure annotations survive: its figure runs a little above esbuild's for the same code.
 */
async function viteBundle(root: string, entry: string, name: string): Promise<Uint8Array[]> {
  const output = await vite({
    configFile: false,
    root,
    mode: "production",
    logLevel: "silent",
    build: {
      lib: { entry, formats: ["es"], fileName: name },
      minify: true,
      write: false,
      outDir: join(root, "vite-dist"),
      emptyOutDir: false,
    },
  });
  const results = Array.isArray(output) ? output : [output];
  return results.flatMap((result) => {
    if (!("output" in result)) throw new Error("vite build started a watcher instead of building");
    return result.output.flatMap((file) =>
      file.type === "chunk" ? [new TextEncoder().encode(file.code)] : [],
    );
  });
}

const gzipBytes = (files: Uint8Array[]) => files.reduce((sum, file) => sum + gzipSync(file).length, 0);

/** Bundles `source` (an ES module importing the installed packages) from inside `project` with both bundlers. */
export async function importCost(project: string, name: string, source: string): Promise<ImportCost> {
  const dir = join(project, "import-cost");
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `${name}.js`);
  writeFileSync(entry, source);
  return {
    esbuild: gzipBytes(await esbuildBundle(entry)),
    vite: gzipBytes(await viteBundle(project, entry, name)),
  };
}

export const kib = (bytes: number) => Number((bytes / 1024).toFixed(2));
