// 1. In-process pipeline, inside workerd: the real edge app (JWT verify, validation, totals, Factus client, response
// mapping) with an in-memory upstream that answers at once, against a bare Hono route that parses and echoes the same
// JSON and against the peer. Timers in workerd only move at I/O, so each case runs a loop in one request and is
// timed from outside.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addUser, wrangler } from "../../apps/edge/scripts/d1.mjs";
import { median } from "./stats.mjs";
import { startWrangler } from "./wrangler.mjs";

const ITEMS = [1, 10, 100, 1000];
/** Fresh Workers (isolates) the 10-item comparison with the peer is repeated in: one isolate's JIT state varies. */
const PEER_PASSES = 3;

/** Delays injected on loopback to check the latency model: D1 and Durable Objects far away, Factus farther. */
const INJECTED_DELAYS_MS = { d1: 60, durable_object: 60, factus: 150 };

const COUNT_USER = { email: "count@empresa.test", password: "count-password-123", name: "Count" };
/** A second user for the delayed pass, so that its first requests are first ones too (nothing of it cached). */
const DELAYED_USER = { email: "delayed@empresa.test", password: "delayed-password-123", name: "Delayed" };

const round = (value, places = 4) => Number(value.toFixed(places));

/** Times cases against one running pipeline Worker. */
function timer(worker) {
  const run = async (query) => {
    const started = performance.now();
    const response = await fetch(`${worker.url}/?${new URLSearchParams(query)}`);
    const body = await response.json();
    if (![200, 201].includes(body.status))
      throw new Error(`bench loop answered ${body.status} for ${JSON.stringify(query)}`);
    return performance.now() - started;
  };
  /**
   * Ms per request over a loop of `n` (the request around the loop adds under 1 %), for several cases measured in
   * turn, sample after sample, so that a burst of load on this shared machine strikes them alike; best of seven.
   */
  return async (queries, items) => {
    const n = items >= 1000 ? 30 : items >= 100 ? 200 : 1000;
    for (const query of queries) await run({ ...query, n: String(Math.ceil(n / 5)) }); // warm-up
    const samples = queries.map(() => []);
    for (let repeat = 0; repeat < 7; repeat++) {
      for (const [index, query] of queries.entries())
        samples[index].push((await run({ ...query, n: String(n) })) / n);
    }
    return samples.map((values) => Math.min(...values));
  };
}

/** One operation's figures: the gateway, and its ratios to the bare route, the peer and the peer behind hono/jwt. */
const compared = (op, gateway, bare, peer, peerJwt, peerKept) => ({
  [`peer_kept_${op}_ms`]: round(peerKept),
  [`peer_kept_${op}_vs_peer_jwt`]: round(peerKept / peerJwt, 2),
  [`${op}_vs_peer_kept`]: round(gateway / peerKept, 2),
  [`${op}_ms`]: round(gateway),
  [`bare_${op}_ms`]: round(bare),
  [`${op}_ratio`]: round(gateway / bare, 2),
  [`peer_${op}_ms`]: round(peer),
  [`${op}_vs_peer`]: round(gateway / peer, 2),
  [`peer_jwt_${op}_vs_peer`]: round(peerJwt / peer, 2),
  [`peer_jwt_${op}_ms`]: round(peerJwt),
  [`${op}_vs_peer_jwt`]: round(gateway / peerJwt, 2),
});

/** Create and GET with `items` lines: the gateway, the bare route, the peer and the peer behind hono/jwt. */
async function measureItems(perRequest, items) {
  const base = { items: String(items) };
  const [create, bareCreate, peerCreate, peerJwtCreate, peerKeptCreate] = await perRequest(
    ["app", "bare", "peer", "peer-jwt", "peer-kept"].map((target) => ({ ...base, op: "create", target })),
    items,
  );
  // The GET with an empty edge cache goes to the same in-memory upstream as the peer's: that is the CPU
  // comparison. A cache hit is timed too, but under wrangler dev the Cache API is a loopback service.
  const [get, getHit, bareGet, peerGet, peerJwtGet, peerKeptGet] = await perRequest(
    [
      { ...base, op: "get", target: "app", cache: "off" },
      { ...base, op: "get", target: "app" },
      { ...base, op: "get", target: "bare" },
      { ...base, op: "get", target: "peer" },
      { ...base, op: "get", target: "peer-jwt" },
      { ...base, op: "get", target: "peer-kept" },
    ],
    items,
  );
  return {
    items,
    ...compared("create", create, bareCreate, peerCreate, peerJwtCreate, peerKeptCreate),
    get_hit_ms: round(getHit),
    ...compared("get", get, bareGet, peerGet, peerJwtGet, peerKeptGet),
  };
}

export async function measurePipeline() {
  // The edge's local D1 (migrated, one user) for the count of single-homed calls; the timing loops use in-memory
  // bindings instead.
  const state = mkdtempSync(join(tmpdir(), "factus-bench-pipeline-"));
  wrangler(["d1", "migrations", "apply", "DB", "--local"], { persistTo: state });
  await addUser({ ...COUNT_USER, persistTo: state });
  await addUser({ ...DELAYED_USER, persistTo: state });
  const worker = await startWrangler("bench/pipeline-worker", { persistTo: state });
  let timings;
  let singleHomed;
  let delayed;
  try {
    const count = async (user, delays) => {
      const counted = await fetch(`${worker.url}/?op=count`, {
        method: "POST",
        body: JSON.stringify({ ...user, delays }),
      });
      if (!counted.ok) throw new Error(`count answered ${counted.status}: ${await counted.text()}`);
      return counted.json();
    };
    singleHomed = await count(COUNT_USER, {});
    // The same requests again with every long-haul call delayed: the check of the latency model's arithmetic.
    delayed = await count(DELAYED_USER, INJECTED_DELAYS_MS);
    const perRequest = timer(worker);
    timings = [];
    for (const items of ITEMS) timings.push(await measureItems(perRequest, items));
  } finally {
    await worker.stop();
    rmSync(state, { recursive: true, force: true });
  }
  // The ratios to the peer with 10 items, again in fresh Workers: the budgets read their median.
  const peerPasses = [timings.find((row) => row.items === 10)];
  while (peerPasses.length < PEER_PASSES) {
    const fresh = await startWrangler("bench/pipeline-worker");
    try {
      peerPasses.push(await measureItems(timer(fresh), 10));
    } finally {
      await fresh.stop();
    }
  }
  const ratios = (key) => peerPasses.map((row) => row[key]);
  return {
    timings,
    single_homed: singleHomed,
    injected_delays_ms: INJECTED_DELAYS_MS,
    delayed,
    peer_10_items: {
      create_vs_peer: ratios("create_vs_peer"),
      get_vs_peer: ratios("get_vs_peer"),
      create_vs_peer_median: median(ratios("create_vs_peer")),
      get_vs_peer_median: median(ratios("get_vs_peer")),
      // The same peer behind hono/jwt: what authentication alone costs a proxy.
      peer_jwt_create_vs_peer_median: median(ratios("peer_jwt_create_vs_peer")),
      peer_jwt_get_vs_peer_median: median(ratios("peer_jwt_get_vs_peer")),
      // The gateway against the peer with authentication: the budgets' comparison.
      create_vs_peer_jwt: ratios("create_vs_peer_jwt"),
      get_vs_peer_jwt: ratios("get_vs_peer_jwt"),
      create_vs_peer_jwt_median: median(ratios("create_vs_peer_jwt")),
      get_vs_peer_jwt_median: median(ratios("get_vs_peer_jwt")),
      // The floor: the peer with authentication that also checks Factus' answer, against the peer with authentication.
      peer_kept_create_vs_peer_jwt_median: median(ratios("peer_kept_create_vs_peer_jwt")),
      peer_kept_get_vs_peer_jwt_median: median(ratios("peer_kept_get_vs_peer_jwt")),
      create_vs_peer_kept_median: median(ratios("create_vs_peer_kept")),
      get_vs_peer_kept_median: median(ratios("get_vs_peer_kept")),
    },
  };
}
