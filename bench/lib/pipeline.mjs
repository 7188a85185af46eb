// 1. In-process pipeline, inside workerd: the real edge app (JWT verify, validation, totals, Factus client, response
// mapping) with an in-memory upstream that answers at once, against a bare Hono route that parses and echoes the same
// JSON. Timers in workerd only move at I/O, so each case runs a loop in one request and is timed from outside.
import { startWrangler } from "./wrangler.mjs";

const ITEMS = [1, 10, 100, 1000];

export async function measurePipeline() {
  const worker = await startWrangler("bench/pipeline-worker");
  try {
    const run = async (query) => {
      const started = performance.now();
      const response = await fetch(`${worker.url}/?${new URLSearchParams(query)}`);
      const body = await response.json();
      if (![200, 201].includes(body.status))
        throw new Error(`bench loop answered ${body.status} for ${JSON.stringify(query)}`);
      return performance.now() - started;
    };
    /** Best of five: ms per request over a loop of `n` (the request around the loop adds under 1 %). */
    const perRequest = async (query, items) => {
      const n = items >= 1000 ? 30 : items >= 100 ? 200 : 1000;
      await run({ ...query, n: String(Math.ceil(n / 5)) }); // warm-up
      const samples = [];
      for (let repeat = 0; repeat < 5; repeat++) samples.push((await run({ ...query, n: String(n) })) / n);
      return Math.min(...samples);
    };
    const results = [];
    for (const items of ITEMS) {
      const base = { items: String(items) };
      const create = await perRequest({ ...base, op: "create", target: "app" }, items);
      const bareCreate = await perRequest({ ...base, op: "create", target: "bare" }, items);
      const peerCreate = await perRequest({ ...base, op: "create", target: "peer" }, items);
      const get = await perRequest({ ...base, op: "get", target: "app" }, items);
      const bareGet = await perRequest({ ...base, op: "get", target: "bare" }, items);
      const peerGet = await perRequest({ ...base, op: "get", target: "peer" }, items);
      results.push({
        items,
        create_ms: round(create),
        bare_create_ms: round(bareCreate),
        create_ratio: round(create / bareCreate, 2),
        peer_create_ms: round(peerCreate),
        create_vs_peer: round(create / peerCreate, 2),
        get_ms: round(get),
        bare_get_ms: round(bareGet),
        get_ratio: round(get / bareGet, 2),
        peer_get_ms: round(peerGet),
        get_vs_peer: round(get / peerGet, 2),
      });
    }
    return results;
  } finally {
    await worker.stop();
  }
}

const round = (value, places = 4) => Number(value.toFixed(places));
