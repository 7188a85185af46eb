// 3. Size and start-up: the Worker bundle as `wrangler deploy` would upload it, its start-up CPU as
// `wrangler check startup` profiles it, and what a frontend pays to import the contracts it needs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { busyMs, median } from "./stats.mjs";
import { root, wranglerBin } from "./wrangler.mjs";

const STARTUP_RUNS = 9;

const kib = (bytes) => Number((bytes / 1024).toFixed(1));

function wrangler(args, cwd = join(root, "apps/edge")) {
  const result = spawnSync(process.execPath, [wranglerBin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0)
    throw new Error(`wrangler ${args.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
}

/**
 * How many zod schema objects the Worker builds when it starts (every construction and clone, counted through zod's
 * post-processing hook): unlike start-up CPU on a shared machine, this figure does not drift between runs. The
 * bundle is imported in a child Node process, with a stand-in for `cloudflare:workers`.
 */
function schemaObjectsAtStartup(dir) {
  const worker = join(dir, "index.js");
  const module = join(dir, "count-schemas.mjs");
  writeFileSync(
    module,
    readFileSync(worker, "utf8").replaceAll(
      '"cloudflare:workers"',
      '"data:text/javascript,export class DurableObject {}"',
    ),
  );
  const result = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `let built = 0;
       globalThis.__zod_globalConfig = { postProcessor: () => built++ };
       await import(${JSON.stringify(pathToFileURL(module).href)});
       console.log(built);`,
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`counting schema objects failed:\n${result.stderr.slice(-2000)}`);
  return Number(result.stdout.trim());
}

/** What a frontend ships for `contents`: esbuild, bundled and minified for the browser. */
async function frontendBundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: join(root, "bench") },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0].contents;
}

/** apps/web as `vite build` writes it: every file of the page (HTML, JS, CSS), gzip, summed. */
function webPageSize() {
  const web = join(root, "apps/web");
  const result = spawnSync(
    process.execPath,
    [join(web, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"],
    {
      cwd: web,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stderr.slice(-2000)}`);
  const dist = join(web, "dist");
  const files = readdirSync(dist, { recursive: true }).filter((file) => /\.(html|js|css)$/.test(file));
  return kib(files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0));
}

export async function measureSize() {
  const dir = mkdtempSync(join(tmpdir(), "factus-bench-size-"));
  try {
    wrangler(["deploy", "--dry-run", "--minify", "--outdir", dir]);
    const worker = readFileSync(join(dir, "index.js"));
    // Start-up CPU varies run to run on a shared machine, and a profile of it holds only 5–12 samples of a few ms
    // each: the median of nine (not the best: an empty Worker's start-up can be too short for a single sample).
    const startupRuns = (cwd, name) => {
      const runs = [];
      for (let run = 0; run < STARTUP_RUNS; run++) {
        const profile = join(dir, `${name}-${run}.cpuprofile`);
        wrangler(["check", "startup", "--outfile", profile], cwd);
        runs.push(busyMs(JSON.parse(readFileSync(profile, "utf8"))));
      }
      return runs;
    };
    const startups = startupRuns(join(root, "apps/edge"), "edge");
    // What the same measurement gives a Worker that does nothing, one that builds a zod schema, one that imports
    // the contracts, and one with Hono, @hono/zod-openapi and one documented route: the floor the gateway's start-up
    // stands on.
    const floor = Object.fromEntries(
      ["empty", "zod", "contracts", "openapi"].map((name) => [
        name,
        // A profile with no busy sample is a start-up too short to measure, not one that took 0 ms.
        median(startupRuns(join(root, "bench/startup-floor", name), name).filter((ms) => ms > 0)) ?? 0,
      ]),
    );

    const form = await frontendBundle(
      'export { CreateInvoiceRequest, computeInvoiceTotals, dianRuleViolations, listMunicipalities, nitCheckDigit } from "@factus-edge/contracts";',
    );
    const contracts = await frontendBundle(
      'export { CreateInvoiceRequest, computeInvoiceTotals } from "@factus-edge/contracts";',
    );
    const sdk = await frontendBundle('export { createEdgeClient, createInvoice } from "@factus-edge/sdk";');
    const page = webPageSize();
    return {
      worker_minified_kib: kib(worker.length),
      worker_gzip_kib: kib(gzipSync(worker).length),
      worker_startup_cpu_ms: median(startups),
      worker_startup_schema_objects: schemaObjectsAtStartup(dir),
      worker_startup_cpu_ms_runs: startups,
      startup_floor_ms: floor,
      contracts_import_minified_kib: kib(contracts.length),
      contracts_import_gzip_kib: kib(gzipSync(contracts).length),
      form_contracts_import_gzip_kib: kib(gzipSync(form).length),
      sdk_create_invoice_minified_kib: kib(sdk.length),
      sdk_create_invoice_gzip_kib: kib(gzipSync(sdk).length),
      web_page_gzip_kib: page,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
