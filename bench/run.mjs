// `pnpm bench`: the gateway's cost measured against the runtime's own floor, as ratios taken in one run (absolute
// times on shared machines drift). Writes bench/results.json and BENCHMARKS.md at the repository root.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeDocsAssets } from "../apps/edge/scripts/docs-assets.mjs";
import { measureBatch } from "./lib/batch.mjs";
import { measureFirstRequest } from "./lib/first-request.mjs";
import { measureHttp } from "./lib/http.mjs";
import {
  CALLER_TO_EDGE_MS,
  checkModel,
  FACTUS_MS,
  isSteady,
  latencyTable,
  NEAR_MS,
  ROUND_TRIP_MS,
} from "./lib/latency.mjs";
import { measurePipeline } from "./lib/pipeline.mjs";
import { measureSize } from "./lib/size.mjs";
import { root } from "./lib/wrangler.mjs";

const step = async (name, work) => {
  const started = Date.now();
  process.stdout.write(`bench: ${name}… `);
  const result = await work();
  process.stdout.write(`${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return result;
};

// The edge serves its docs UI from static assets that must exist before wrangler builds it.
writeDocsAssets();
const pipeline = await step("in-process pipeline (workerd)", measurePipeline);
const size = await step("bundle size and start-up", measureSize);
const firstRequest = await step("first request of a new isolate", measureFirstRequest);
// A business route's first request: unauthenticated, so what is measured is its router loading (its schemas, the
// Factus client's core) and the 401, not a Factus call.
const firstInvoicesRequest = await step("first request of a new isolate to a business route", () =>
  measureFirstRequest(5, { path: "/api/v1/invoices", status: 401 }),
);
// The same for what a user would write with the same libraries (bench/startup-floor/openapi).
const firstRequestFloor = await step("first request of a new isolate, one-route Worker", () =>
  measureFirstRequest(5, { dir: "bench/startup-floor/openapi", readyPath: "/ready.txt", vars: {} }),
);
const http = await step("HTTP load on loopback", measureHttp);
const batch = await step("a 1,000-invoice batch", measureBatch);

const row = (items) => pipeline.timings.find((entry) => entry.items === items);
const peer10 = pipeline.peer_10_items;
const calls = (kind) => pipeline.single_homed.find((entry) => entry.kind === kind);
const singleHomed = (entry) => entry.d1 + entry.durable_object;
// Cost growth from 100 to 1,000 items: 1 is linear, 2 quadratic.
const growth = (key) => Number(Math.log10(row(1000)[key] / row(100)[key]).toFixed(2));
// The latency model (lib/latency.mjs): each kind's traced critical path (the undelayed pass, a cold isolate), before
// and after this round, and the check of its arithmetic against the delayed pass.
const hopsOf = (rows) => Object.fromEntries(rows.map((entry) => [entry.kind, entry.hops]));
const before = JSON.parse(readFileSync(join(root, "bench/latency-before.json"), "utf8"));
const latency = {
  assumptions: {
    round_trip_ms: ROUND_TRIP_MS,
    caller_to_edge_ms: CALLER_TO_EDGE_MS,
    near_ms: NEAR_MS,
    factus_ms: FACTUS_MS,
  },
  before: latencyTable(before.hops),
  after: latencyTable(hopsOf(pipeline.single_homed)),
  check: checkModel(pipeline.single_homed, pipeline.delayed, pipeline.injected_delays_ms),
};
const steadyAfter = latency.after.filter((entry) => isSteady(entry.kind));
const worstCreate = steadyAfter
  .filter((entry) => /^create (with|without)/.test(entry.kind))
  .reduce((worst, entry) => (entry.ratio > worst.ratio ? entry : worst));
const mostTrips = steadyAfter.reduce((most, entry) =>
  entry.long_haul_trips > most.long_haul_trips ? entry : most,
);
const worstCheck = latency.check
  .filter((entry) => entry.error !== null)
  .reduce((worst, entry) => (entry.error > worst.error ? entry : worst));
const cachedRead = hopsOf(pipeline.single_homed)["get, validated invoice read again"];

const budgets = [
  [
    "A far caller's create ≤ 1.3× the physical floor (steady state, with or without a key, every city of the model)",
    `${worstCreate.ratio}× at worst (${worstCreate.kind}, ${worstCreate.city}: ${worstCreate.modelled_ms} ms vs ${worstCreate.floor_ms} ms)`,
    worstCreate.ratio <= 1.3,
  ],
  [
    "A validated document's detail from the edge: 0 long-haul trips",
    `${cachedRead.length}`,
    cachedRead.length === 0,
  ],
  [
    "No interactive request with more than one long-haul trip on its critical path (steady state)",
    `${mostTrips.long_haul_trips} at most (${mostTrips.kind})`,
    mostTrips.long_haul_trips <= 1,
  ],
  [
    "The model predicts loopback latencies with injected delays within 15 %",
    `${Math.round(worstCheck.error * 100)} % at worst (${worstCheck.kind}: ${worstCheck.predicted_ms} ms predicted, ${worstCheck.measured_ms} ms measured)`,
    worstCheck.error <= 0.15,
  ],
  [
    `Create ≤ 1.3× the peer with authentication (10 items; median of ${peer10.create_vs_peer_jwt.length} fresh Workers)`,
    `${peer10.create_vs_peer_jwt_median}× (${peer10.create_vs_peer_jwt.join("×, ")}×)`,
    peer10.create_vs_peer_jwt_median <= 1.3,
  ],
  [
    `GET ≤ 1.3× the peer with authentication (10 items; median of ${peer10.get_vs_peer_jwt.length} fresh Workers)`,
    `${peer10.get_vs_peer_jwt_median}× (${peer10.get_vs_peer_jwt.join("×, ")}×)`,
    peer10.get_vs_peer_jwt_median <= 1.3,
  ],
  [
    "Create ≤ 1.15× the peer with authentication (1,000 items)",
    `${row(1000).create_vs_peer_jwt}× (${row(1000).create_ms} ms vs ${row(1000).peer_jwt_create_ms} ms)`,
    row(1000).create_vs_peer_jwt <= 1.15,
  ],
  [
    "GET ≤ 1.15× the peer with authentication (1,000 items)",
    `${row(1000).get_vs_peer_jwt}× (${row(1000).get_ms} ms vs ${row(1000).peer_jwt_get_ms} ms)`,
    row(1000).get_vs_peer_jwt <= 1.15,
  ],
  ["≤ 0.5 ms per request (create, 10 items)", `${row(10).create_ms} ms`, row(10).create_ms <= 0.5],
  ["≤ 0.5 ms per request (get, 10 items)", `${row(10).get_ms} ms`, row(10).get_ms <= 0.5],
  [
    "Linear growth with items (create, 100 → 1,000)",
    `exponent ${growth("create_ms")}`,
    growth("create_ms") <= 1.15,
  ],
  ["Linear growth with items (get, 100 → 1,000)", `exponent ${growth("get_ms")}`, growth("get_ms") <= 1.15],
  [
    "Start-up CPU ≤ 30 ms (a stretch)",
    `${size.worker_startup_cpu_ms} ms (an empty Worker: ${size.startup_floor_ms.empty} ms; one documented route with Hono: ${size.startup_floor_ms.openapi} ms; the contracts alone: ${size.startup_floor_ms.contracts} ms)`,
    size.worker_startup_cpu_ms <= 30,
  ],
  [
    "First request of a new isolate ≤ 25 ms CPU (a stretch)",
    `${firstRequest.first_request_cpu_ms} ms (GET /api/v1/health; a business route's: ${firstInvoicesRequest.first_request_cpu_ms} ms)`,
    firstRequest.first_request_cpu_ms <= 25,
  ],
  [
    "Contracts import ≤ 40 KiB gzip",
    `${size.contracts_import_gzip_kib} KiB`,
    size.contracts_import_gzip_kib <= 40,
  ],
  [
    "Cached GET detail p50 ≤ 1/5 of a miss (Factus 150 ms away)",
    `${http.cache.hit_p50_ms} ms vs ${http.cache.miss_p50_ms} ms (${http.cache.hit_over_miss})`,
    http.cache.hit_over_miss <= 0.2,
  ],
  [
    "SDK createInvoice import ≤ 5 KiB gzip",
    `${size.sdk_create_invoice_gzip_kib} KiB`,
    size.sdk_create_invoice_gzip_kib <= 5,
  ],
  [
    "HTTP throughput ≥ 85 % of the pass-through",
    `${Math.round(http.throughput_ratio * 100)} %`,
    http.throughput_ratio >= 0.85,
  ],
  [
    "A batch's own overhead ≤ 25 ms per invoice (1,000 invoices; Factus' 80 a minute leave 750 ms between calls)",
    `${batch.overhead_per_invoice_ms} ms (${batch.batch_per_invoice_ms} ms vs ${batch.direct_per_invoice_ms} ms sent straight to Factus)`,
    batch.overhead_per_invoice_ms <= 25,
  ],
].map(([budget, measured, met]) => ({ budget, measured, met }));

/** Budgets of earlier rounds taken out, each with why (issue 33): kept here so that their removal is on record. */
const removedBudgets = [
  {
    budget: "Create ≤ 1.5× / GET ≤ 1.3× the validating-proxy peer (10 items)",
    why: "below a floor the product keeps: authentication alone costs the peer most of that (issue 15's note); replaced by the same ratios against the peer with authentication",
  },
  {
    budget: "Create ≤ 5 ms (1,000 items)",
    why: "below what validating and forwarding 1,000 items costs a zod proxy on this machine; replaced by ≤ 1.15× the peer with authentication",
  },
  {
    budget: "Pipeline ≤ 2× the bare route (create, GET; 10 items)",
    why: "a route that echoes JSON is no product's floor; the peer with authentication is",
  },
  {
    budget: "Worker ≤ 120 KiB gzip",
    why: "the caller does not wait for bytes but for start-up CPU, budgeted on its own; the size is still reported",
  },
  {
    budget: "Start-up ≤ 25 ms",
    why: "re-based by issue 33 to start-up ≤ 30 ms with the first request ≤ 25 ms (a stretch, reported as measured)",
  },
  {
    budget: "Single-homed calls per create with a key = only the idempotency record (claim + answer)",
    why: "replaced by the latency model's budgets: what counts is long-haul trips on the critical path, not calls",
  },
];

const results = {
  measured_at: new Date().toISOString(),
  node: process.version,
  pipeline,
  size,
  first_request: firstRequest,
  first_invoices_request: firstInvoicesRequest,
  first_request_floor: firstRequestFloor,
  http,
  batch,
  latency,
  budgets,
  removed_budgets: removedBudgets,
};
writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);

const pathText = (hops) =>
  hops.length === 0
    ? "none"
    : hops
        .map((hop) => {
          const places = hop.places.map((place) => (place === "durable_object" ? "DO" : place)).join(" + ");
          return hop.inner ? `${places}(${hop.inner.map((inner) => inner.join(" + ")).join(" → ")})` : places;
        })
        .join(" → ");
const cities = Object.keys(ROUND_TRIP_MS);
/** Kind × city, each cell "modelled ms / floor ms (ratio×)". */
const latencyGrid = (rows) =>
  table(
    [...new Set(rows.map((entry) => entry.kind))].map((kind) => ({
      kind,
      trips: rows.find((entry) => entry.kind === kind).long_haul_trips,
      ...Object.fromEntries(
        cities.map((city) => {
          const cell = rows.find((entry) => entry.kind === kind && entry.city === city);
          return [city, `${cell.modelled_ms} / ${cell.floor_ms} (${cell.ratio}×)`];
        }),
      ),
    })),
    ["kind", "trips", ...cities],
  );
const table = (rows, columns) =>
  [
    `| ${columns.join(" | ")} |`,
    `|${columns.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${columns.map((c) => r[c]).join(" | ")} |`),
  ].join("\n");
const markdown = `# Benchmarks

Generated by \`pnpm bench\` (bench/run.mjs) on ${results.measured_at} with Node ${process.version}; raw figures in
\`bench/results.json\`. Ratios are taken within one run; absolute times drift on a shared 2-core machine.

## Budgets

${table(
  budgets.map((b) => ({ ...b, met: b.met ? "met" : "**not met**" })),
  ["budget", "measured", "met"],
)}

## 1. In-process pipeline (inside workerd)

\`POST /api/v1/invoices\` and \`GET /api/v1/invoices/{number}\` through the real app (JWT verify, validation, totals,
Factus client, response mapping; D1 and the rate limiter answered in memory) with an upstream that answers at once,
against a bare Hono route that parses and echoes the same JSON, and against the peer: the Worker a user would write
instead (Hono + \`@hono/zod-validator\` validating the same \`CreateInvoiceRequest\`, forwarding with \`fetch\`; no auth,
limits, idempotency or answer mapping). \`get_ms\` is the gateway's GET with an empty edge cache, reaching the same
in-memory upstream as the peer: the CPU comparison. \`get_hit_ms\` is the same GET answered from the edge cache; under
\`wrangler dev\` the Cache API is a loopback service (on Cloudflare it is in the same location), so here a hit costs
more than an upstream that answers from memory; section 2 times it against a Factus 150 ms away. \`peer_kept_*\` is
the peer behind \`hono/jwt\` that also checks Factus' answer with its schema and says the DIAN status: the floor of a
gateway that reports a legal document's state (see "The floor under those budgets" below). Milliseconds per request.

${table(pipeline.timings, ["items", "create_ms", "peer_create_ms", "create_vs_peer", "peer_kept_create_ms", "create_vs_peer_kept", "bare_create_ms", "create_ratio", "get_ms", "get_hit_ms", "peer_get_ms", "get_vs_peer", "peer_kept_get_ms", "get_vs_peer_kept", "bare_get_ms", "get_ratio"])}

### Calls to single-homed state, per request

Each kind of request once, in this order, through the real app with the real local bindings, every call counted:
D1 and Durable Objects live in one place on Earth (a round trip there from a far-away location costs more than any
CPU); the Rate Limiting binding counts at the caller's location; Factus calls for reference (the upstream answers
from memory). Of a login's Durable Object calls, half are the attempts reserved before the password is checked and
half give them back after a success: on Cloudflare those go to \`waitUntil\`, after the answer (counted here
before it, as the harness has no execution context).

${table(
  pipeline.single_homed.map((entry) => ({ ...entry, critical_path: pathText(entry.hops) })),
  ["kind", "d1", "durable_object", "rate_limit_binding", "factus", "critical_path"],
)}

\`critical_path\` is the request's sequential long-haul hops (section 5): \`DO(d1 → factus)\` is one trip to the object
placed near Factus, which makes the inner ones from there.

## 2. Over HTTP on loopback

${http.route}; autocannon, ${http.connections} connections, ${http.duration_seconds} s each; edge, emulator and load
generator share the machine's 2 cores.

| | requests/s | p50 ms | p99 ms | non-2xx |
|---|---|---|---|---|
| pass-through Worker | ${http.passthrough.requests_per_second} | ${http.passthrough.p50_ms} | ${http.passthrough.p99_ms} | ${http.passthrough.non_2xx} |
| gateway | ${http.gateway.requests_per_second} | ${http.gateway.p50_ms} | ${http.gateway.p99_ms} | ${http.gateway.non_2xx} |
| ratio | ${http.throughput_ratio} | ${http.p50_ratio} | ${http.p99_ratio} | |

The gateway's answers above come from its edge cache after the first (the invoice is validated); the pass-through
reaches the emulator every time. With Factus 150 ms away (the emulator's latency fault), the first read of a
validated invoice with a fresh token took ${http.cache.miss_p50_ms} ms (p50 of 15) and the second, from the cache,
${http.cache.hit_p50_ms} ms.

## 3. Size and start-up

| | figure |
|---|---|
| Worker bundle (\`wrangler deploy --dry-run --minify\`) | ${size.worker_minified_kib} KiB, ${size.worker_gzip_kib} KiB gzip |
| Worker start-up CPU (\`wrangler check startup\`, busy samples, median of ${size.worker_startup_cpu_ms_runs.join(" / ")}) | ${size.worker_startup_cpu_ms} ms |
| The same (median of nine) for a Worker that does nothing / builds one zod schema / imports every export of the contracts / serves one documented route with Hono and \`@hono/zod-openapi\`, built at load (\`bench/startup-floor/openapi\`) | ${size.startup_floor_ms.empty} / ${size.startup_floor_ms.zod} / ${size.startup_floor_ms.contracts} / ${size.startup_floor_ms.openapi} ms |
| zod schema objects the Worker builds at start-up (constructions and clones; the same every run) | ${size.worker_startup_schema_objects} |
| First request of a new isolate (\`GET /api/v1/health\` in a fresh \`wrangler dev\`, CPU through the inspector sampled every ms, median of ${firstRequest.first_request_cpu_ms_runs.join(" / ")}) / the second request | ${firstRequest.first_request_cpu_ms} / ${firstRequest.second_request_cpu_ms} ms |
| The same for a business route (\`GET /api/v1/invoices\` without a token: the invoices router loads, then 401; median of ${firstInvoicesRequest.first_request_cpu_ms_runs.join(" / ")}) / the second request | ${firstInvoicesRequest.first_request_cpu_ms} / ${firstInvoicesRequest.second_request_cpu_ms} ms |
| The one-route Worker's first request (median of ${firstRequestFloor.first_request_cpu_ms_runs.join(" / ")}); start-up + first request: the one-route Worker / the gateway (health) | ${firstRequestFloor.first_request_cpu_ms} ms; ${(size.startup_floor_ms.openapi + firstRequestFloor.first_request_cpu_ms).toFixed(1)} / ${(size.worker_startup_cpu_ms + firstRequest.first_request_cpu_ms).toFixed(1)} ms |
| Frontend import of \`CreateInvoiceRequest\` + \`computeInvoiceTotals\` (esbuild, minified) | ${size.contracts_import_minified_kib} KiB, ${size.contracts_import_gzip_kib} KiB gzip |
| What apps/web imports from the contracts (+ \`dianRuleViolations\`, \`listMunicipalities\`, \`nitCheckDigit\`) | ${size.form_contracts_import_gzip_kib} KiB gzip |
| SDK for a frontend that imports only \`createEdgeClient\` + \`createInvoice\` | ${size.sdk_create_invoice_minified_kib} KiB, ${size.sdk_create_invoice_gzip_kib} KiB gzip |
| The whole invoice page (\`vite build\` of apps/web: HTML, JS, CSS) | ${size.web_page_gzip_kib} KiB gzip |
`;
const removedSection = `
## Budgets removed (issue 33)

${table(removedBudgets, ["budget", "why"])}
`;
const batchSection = `
## 4. A month-end batch

\`POST /api/v1/invoice-batches\` with ${batch.invoices} invoices through \`wrangler dev\` (edge and emulator on this machine,
the emulator's 80-a-minute limit and the gateway's background pace lifted), timed from the request to \`completed\`,
against what a company writes instead: a loop that sends the same number of invoices to Factus (the emulator) one
after another. The request itself (every invoice validated and pre-flighted, the batch stored in one D1 round trip)
took ${batch.accepted_ms} ms.

| | total | per invoice |
|---|---|---|
| the batch, in the background | ${(batch.batch_ms / 1000).toFixed(1)} s | ${batch.batch_per_invoice_ms} ms |
| a loop straight to Factus | ${(batch.direct_loop_ms / 1000).toFixed(1)} s | ${batch.direct_per_invoice_ms} ms |
| the gateway's own overhead | | ${batch.overhead_per_invoice_ms} ms |

The overhead is the item's own bookkeeping, each step a local D1 or Durable Object round trip: picking the item and
marking it sent, the single create's path (numbering range from cache, the answer checked), the job and batch item
settled, the webhook subscriptions read, the ledger row, the result written, the pacer's minute stored. Against
Factus' real pace (80 a minute: 750 ms between calls) it is a few per cent; the batch's time is set by the pace.
`;
const latencySection = `
## 5. Latency: long-haul trips, modelled per caller location

What a caller far from Factus waits for is the sequential long-haul round trips on its request's critical path, not
CPU. Section 1's harness traces them for each kind of request (bench/pipeline-worker/single-homed.ts: calls in flight
together are one hop; a call the answer did not wait for, handed to \`waitUntil\`, is none; calls made from the object
near Factus are inner hops of the one trip to it), and the model (bench/lib/latency.mjs) prices them:

- **Where things are.** Factus answers from one region: assumed **AWS us-east-1 (Ashburn, Virginia)**, where a
  Colombian SaaS without a Colombian cloud region most often runs (Factus does not publish it; the model takes it as a
  parameter). The D1 primary is created there (\`wrangler d1 create … --location enam\`, README "Deploy"), and so is
  the Durable Object that runs keyed writes and logins (\`NEAR_FACTUS_LOCATION_HINT\`: \`enam\`).
- **Round trips** from a Cloudflare location in each city to Ashburn, typical values rounded from WonderNetwork's
  public city-to-city ping tables (wondernetwork.com/pings; Washington DC for Ashburn), not measured here:
  ${cities.map((city) => `${city} ${ROUND_TRIP_MS[city]} ms`).join(", ")}; the caller to its own Cloudflare location
  ${CALLER_TO_EDGE_MS} ms (each city has one); from the object near Factus to Factus or D1 ${NEAR_MS} ms.
- **Factus' own time**, assumed (not published): ${FACTUS_MS.create} ms for a create (DIAN validates behind it),
  ${FACTUS_MS.read} ms for a read. It is in both the modelled time and the floor, so it narrows every ratio; a
  faster Factus would widen them, which is why one trip is the aim and not a ratio.
- **Floor**: one round trip from the caller to Factus' region plus Factus' time; one trip to the single-homed state a
  request needs when it needs no Factus (a login, a replay); the edge alone for a cached read.

Each cell: modelled ms / floor ms (ratio). "First" rows are a new isolate meeting a user and a Factus token for the
first time (it learns the token's company, version and liveness, then caches them); every other row is steady state.

### Before (commit ${before.measured_at_commit})

${latencyGrid(latency.before)}

### After

${latencyGrid(latency.after)}

What changed: a write with an \`Idempotency-Key\` and a login run in a Durable Object created near Factus and the D1
primary (src/near-factus.ts, routes/placement.ts): the key's claim, the Factus call and the answer (a login's user row
and throttle) are short trips from there, and the caller waits for one long one. The idempotency answer is stored
after the answer (a failed write leaves the key unfinished: its next try looks the document up before sending).
Smart Placement of a back-end Worker was weighed and not built: it gives the same one trip, but needs a second
Worker, a service binding and a split of the app, where a Durable Object with a location hint runs the very same app
with one binding. Keyless creates, reads and lists already make one trip; validated documents none.

### The model's arithmetic, on loopback

Every D1, Durable Object and Factus call delayed (${Object.entries(pipeline.injected_delays_ms)
  .map(([place, ms]) => `${place} ${ms} ms`)
  .join(
    ", ",
  )}), each kind's I/O time (workerd's clock moves only at I/O) against its undelayed I/O time plus what the
model adds for the delays on its traced hops:

${table(
  latency.check.map((entry) => ({ ...entry, error: entry.error ?? "— (no long-haul hop)" })),
  ["kind", "predicted_ms", "measured_ms", "error"],
)}
`;
const notes = `
## An earlier round (issue 15): CPU, before → after

Before = the previous round's \`pnpm bench\` (commit 2bc32d3; the schema count: commit e754292); after = this file's run. Each ratio is from one run;
absolute times on this shared 2-core machine drift by up to 2× between runs (create, 1,000 items: 11.7 ms then
15.0 and 14.0 ms with no change to that path), so only changes well beyond that are claimed.

| change | figure | before | after |
|---|---|---|---|
| Per-user limit in the Workers Rate Limiting binding instead of a Durable Object | single-homed calls per business GET / per create with a key (before: by the code; the count is new) | 1 DO / 1 DO + 2 D1 | ${singleHomed(calls("get, validated invoice read again"))} / ${calls("create with Idempotency-Key").d1} D1 (claim + answer) |
| A successful login (and an accepted Factus grant) gives its attempt back after answering (\`waitUntil\`) | Durable Object rounds a login's answer waits for (each round: its calls in parallel) | 2 | 1 |
| An Idempotency-Key's claim and read in one D1 batch (one transaction) | D1 calls of a replayed create (same key) | 2 | ${calls("create replayed (same key)").d1} |
| \`@hono/zod-openapi\` patched to extend zod with \`{ ZodType }\`, not the whole namespace (which pulled in all 40+ locales) | Worker bundle | 653.8 KiB, 161 KiB gzip | 302.7 KiB, 96 KiB gzip |
| \`toScaled\` reads a number without going through its text | per money value (Node, jitless) | 166 ns | 30 ns |
| \`text()\` / \`integerLike()\` pass their checks to one \`.check()\` (every chained \`.min()\` cloned the schema) | construction each; the contracts' import in Node (best of 10) | 92 / 89 µs; 84 ms | 53 / 42 µs; 76 ms |
| CORS by the edge's own middleware: \`hono/cors\` wrote into \`c.res\` before the route ran, so Hono built an empty Response, copied it into the answer and cloned that again | Response objects per request beyond the answer; create / GET (10 items) vs the peer | 3; 1.75× / 2.56× (previous round's bench; by hand, best of 7 over three runs: 1.72–1.84× / 2.27–2.55×) | 0; ${peer10.create_vs_peer_median}× / ${peer10.get_vs_peer_median}× (by hand: 1.57–1.67× / 1.95–2.37×) |
| The two invoice request schemas (public, and Factus' own) share every field that does not depend on the customer or the municipality, instead of building each twice | zod schema objects the Worker builds at start-up | 1,932 | ${size.worker_startup_schema_objects} |
| Security headers: the five a JSON API and its docs page need (HSTS, nosniff, CORP, framing, referrer), set without checking each first, instead of \`hono/secure-headers\` (eleven, most for HTML pages or retired browsers, each checked before being set) | share of create's CPU profile (10 items, workerd); header bytes on every answer | 6.3 %; 385 B | 1.3 %; 193 B |
| Tried and reverted: the API loaded on the first request (\`import()\` in \`fetch\`; start-up only exports the Durable Object and the cron) | start-up / first request of a new isolate, CPU (medians of five, measured by hand with this file's methods) | 70 / 25 ms | 23 / 109 ms: the start-up budget met, the first request 4× dearer |
| Routers loaded on demand, each building only its own schemas (the contracts and the Factus client imported by module, the client's resources on first call; round 3) | start-up / first \`GET /health\` / first \`GET /invoices\` of a new isolate, CPU | 103.9 / 45.3 / 46.1 ms (by hand, medians of five) | ${size.worker_startup_cpu_ms} / ${firstRequest.first_request_cpu_ms} / ${firstInvoicesRequest.first_request_cpu_ms} ms |
| (bench) the GET is compared with the edge cache empty, on the same in-memory upstream as the peer; requests get the Worker's execution context | GET, 10 items, vs the peer | 8.2× (a loopback cache hit against a free upstream) | ${peer10.get_vs_peer_median}× |

Where the time goes (workerd CPU profiles through wrangler's inspector):
- **Create, 1,000 items**: validating the request with zod about 19 % (~2 ms), the Factus client's JSON
  (stringify the request, parse the answer) about 20 %, parsing Factus' answer with its zod schema about 13 %, the
  totals check about 7 % (before the fast path), the JSON depth guard 2.5 %, garbage collection 5–9 %. The peer pays
  the first two as well: ${row(1000).peer_create_ms} ms at 1,000 items against the gateway's ${row(1000).create_ms} ms
  in this run. The 5 ms budget is under what validating and forwarding 1,000 items costs a zod proxy here.
- **Create and GET, 10 items**: no single part above about 12 % since the CORS change (before it, Response objects
  that Hono built for \`hono/cors\` were the largest): zod, the Factus client (headers, timeout signal, JSON), the
  answer's Response, JWT check, the request log line. Hono's \`secureHeaders()\` was 6.3 % of create's profile (eleven
  headers, each checked before it was set); the five an API needs, set without checks, are 1.3 %. Micro-measured in workerd:
  \`AbortSignal.timeout\` ~5 µs, \`new Headers\` ~2.5 µs, a SHA-256 of the token ~4 µs, a Response read back ~17 µs:
  the gap to the peer (no auth, limit, pre-flight, idempotency, answer check or mapping) is the sum of the features.
- **Start-up**: the same measurement gives ${size.startup_floor_ms.empty} ms for a Worker that does nothing,
  ${size.startup_floor_ms.zod} ms for one that builds a single zod schema and ${size.startup_floor_ms.contracts} ms for one that imports every
  export of the contracts: zod's code compiled, then schema objects built (constructions and clones, 10–90 µs each).
  **The API's routers now load on demand** (\`routes/mounts.ts\`, \`api.ts\`): the isolate starts with the
  configuration check and the error envelope only (${size.worker_startup_schema_objects} schema objects, about 3,900 before), and each router
  gets its app, with the same middleware, the first time a request needs it. \`import()\` keeps a module out of start-up
  only while nothing the entry reaches imports it statically (esbuild then wraps it to run on first use), and a package
  entry that re-exports everything is initialized whole: so the edge imports the contracts and the Factus client by
  module (\`@factus-edge/contracts/schemas/invoice-request\`, both packages export \`./*\`), not through their entries,
  and the Factus client loads each resource (and the schemas of Factus' answers it parses) on its first call. A
  router's first request builds only its own schemas: health about 50, the invoices about 1,000, the whole API about
  3,900; the schemas of Factus' answers come with the Factus client's resource on its first call (the first create
  loads the bills resource, both versions' schemas: roughly a thousand more, once per isolate) (\`test/node/lazy-routes.test.ts\` keeps this true).
- **First request**: measured before and after by hand with this file's methods (medians of five, the same session;
  the health row is this file's "first request"):

  | | start-up | first \`GET /health\` | first \`GET /invoices\` (401) |
  |---|---|---|---|
  | Before: the whole API built on the first request, every schema at start-up | 103.9 ms | 45.3 ms | 46.1 ms |
  | After: routers on demand, each with only its schemas | 39.1 ms | 29.8 ms | 77.8 ms |
  | Tried: zod itself loaded on demand too (nothing but the Durable Object classes at start-up) | 25.8 ms | 68.7 ms | 101.8 ms |

  A new isolate's first invoice request costs 39 + 78 = 117 ms of CPU where it cost 104 + 46 = 150, and less of it
  is where the caller waits: Cloudflare starts the isolate during the TLS handshake, so a short start-up is hidden,
  and the last round's 104 ms were not. Loading zod on demand as well meets the start-up budget but is a worse trade:
  zod's code, run inside the bundle's lazy wrappers, cost the first request ~30 ms more than it saved at start-up
  (measured both ways), so the configuration check (which needs zod) stays at start-up.
- **What is left is the gateway's, not a floor**: a Worker serving one documented route with the same libraries
  (\`bench/startup-floor/openapi\`, built at load as a user would write it) starts in ${size.startup_floor_ms.openapi} ms and answers its
  first request in ${firstRequestFloor.first_request_cpu_ms} ms (${(size.startup_floor_ms.openapi + firstRequestFloor.first_request_cpu_ms).toFixed(1)} ms together; the gateway ${(size.worker_startup_cpu_ms + firstRequest.first_request_cpu_ms).toFixed(1)} ms), so both
  budgets sit above that floor. The difference is the gateway's own first use: the configuration's schema (105 schema
  objects, at start-up), a bundle of ${size.worker_minified_kib} KiB to parse, and on health's first request the app's
  middleware, the Factus client's core and the route preset's modules (authentication, the ledger, idempotency,
  placement), which every route shares.

- **Steady state unchanged by the routers on demand**: the absolute times of this run are up for every Worker
  alike (the peer's create too), a shared machine's drift. The Worker before and after, side by side in one session
  (the pipeline Worker of each commit, 2,000 requests of 10 items, median of three): create 0.731 → 0.733 ms, GET
  1.251 → 1.258 ms, the peer's create 0.382 → 0.379 ms.

Left (see above): ${budgets
  .filter((b) => !b.met && /peer|Start-up|First request/.test(b.budget))
  .map((b) => `${b.budget.replace(/ \(.*\)$/, "")} (${b.measured.replace(/ \(.*\)$/, "")} here)`)
  .join("; ")}.
The same peer behind \`hono/jwt\` (authentication and nothing else) measures ${peer10.peer_jwt_create_vs_peer_median}× the peer on create and
${peer10.peer_jwt_get_vs_peer_median}× on GET (10 items, medians of the same fresh Workers): on GET, authentication alone
takes most of the 1.3× budget before the user check, the limit, the Factus token's digest and the check of Factus'
answer, which the gateway does not skip (a document's state is never reported from an unchecked answer).
**The floor under those budgets.** The peer with authentication that also checks Factus' answer with its schema and
says the document's DIAN status (what a gateway reporting a legal document's state cannot skip, and nothing else: no
rate limit, idempotency, pre-flight, ledger, log line or public mapping) measures
${peer10.peer_kept_create_vs_peer_jwt_median}× the peer with authentication on create and ${peer10.peer_kept_get_vs_peer_jwt_median}× on GET (10 items,
medians of the same fresh Workers), and ${row(1000).peer_kept_create_vs_peer_jwt}× / ${row(1000).peer_kept_get_vs_peer_jwt}× with 1,000 items. Against that floor the
gateway is ${peer10.create_vs_peer_kept_median}× on create and ${peer10.get_vs_peer_kept_median}× on GET (10 items), ${row(1000).create_vs_peer_kept}× / ${row(1000).get_vs_peer_kept}× (1,000 items): the
rest is the product's other features (the user and rate limit checks, idempotency, the range pre-flight, the token's
digest, the public mapping, the log line).
Create against the peer swings the most: single runs this round gave 1.15× to 2.52× (one isolate's JIT
state moves either side), hence the median of ${peer10.create_vs_peer.length} fresh Workers in the budget
(${peer10.create_vs_peer_median}× here). Under \`wrangler dev\` both the Rate Limiting binding and the Cache API are
loopback services, so the HTTP figures (section 2) price them higher than Cloudflare would.
`;
// Sections measured outside this script (the packaging test's tree-shaking figures) are kept as written: everything
// from KEPT_MARKER on survives a re-run.
const KEPT_MARKER = "<!-- measured outside pnpm bench: kept as written -->";
const previous = existsSync(join(root, "BENCHMARKS.md"))
  ? readFileSync(join(root, "BENCHMARKS.md"), "utf8")
  : "";
const kept = previous.includes(KEPT_MARKER) ? `\n${previous.slice(previous.indexOf(KEPT_MARKER))}` : "";
writeFileSync(
  join(root, "BENCHMARKS.md"),
  markdown + batchSection + latencySection + removedSection + notes + kept,
);
console.log(markdown.split("## 1.")[0]);
