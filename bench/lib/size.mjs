// 3. Size and start-up: the Worker bundle as `wrangler deploy` would upload it, its start-up CPU as
// `wrangler check startup` profiles it, and what a frontend pays to import the contracts it needs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { root, wranglerBin } from "./wrangler.mjs";

const kib = (bytes) => Number((bytes / 1024).toFixed(1));

function wrangler(args) {
  const result = spawnSync(process.execPath, [wranglerBin, ...args], {
    cwd: join(root, "apps/edge"),
    encoding: "utf8",
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0)
    throw new Error(`wrangler ${args.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
}

/** Start-up CPU in ms: the profile's busy samples (everything but idle). */
function startupMs(profilePath) {
  const profile = JSON.parse(readFileSync(profilePath, "utf8"));
  const idle = new Set(
    profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id),
  );
  let busyMicros = 0;
  profile.samples.forEach((sample, index) => {
    if (!idle.has(sample)) busyMicros += profile.timeDeltas[index] ?? 0;
  });
  return Number((busyMicros / 1000).toFixed(1));
}

export async function measureSize() {
  const dir = mkdtempSync(join(tmpdir(), "factus-bench-size-"));
  try {
    wrangler(["deploy", "--dry-run", "--minify", "--outdir", dir]);
    const worker = readFileSync(join(dir, "index.js"));
    // Start-up CPU varies run to run on a shared machine: best of three profiles.
    const startups = [];
    for (let run = 0; run < 3; run++) {
      wrangler(["check", "startup", "--outfile", join(dir, `startup-${run}.cpuprofile`)]);
      startups.push(startupMs(join(dir, `startup-${run}.cpuprofile`)));
    }

    const contracts = await build({
      stdin: {
        contents: 'export { CreateInvoiceRequest, computeInvoiceTotals } from "@factus-edge/contracts";',
        resolveDir: join(root, "bench"),
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "error",
    });
    const frontend = contracts.outputFiles[0].contents;
    return {
      worker_minified_kib: kib(worker.length),
      worker_gzip_kib: kib(gzipSync(worker).length),
      worker_startup_cpu_ms: Math.min(...startups),
      worker_startup_cpu_ms_runs: startups,
      contracts_import_minified_kib: kib(frontend.length),
      contracts_import_gzip_kib: kib(gzipSync(frontend).length),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
