// 2. Over HTTP on loopback: autocannon against `wrangler dev` running edge + emulator, and against a bare pass-through
// Worker in front of the same emulator, reading the same invoice.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startEmulator } from "factus-emulator/testing";
import { emulatorToken, startBenchEdge } from "./bench-edge.mjs";
import { median } from "./stats.mjs";
import { root, startWrangler } from "./wrangler.mjs";

const DURATION_SECONDS = 8;
const CONNECTIONS = 10;

const load = (url, headers) =>
  new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_SECONDS }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });

const summary = (result) => ({
  requests_per_second: Math.round(result.requests.average),
  p50_ms: result.latency.p50,
  p99_ms: result.latency.p99,
  non_2xx: result.non2xx,
  errors: result.errors,
});

/**
 * A far-away Factus, as the emulator's latency fault makes it (150 ms per read): the first read of a validated
 * invoice with a fresh token (a miss, through Factus) against the second (a hit, from the edge cache).
 */
async function cachedVersusMiss(emulator, edgeUrl, jwt) {
  await fetch(`${emulator.url}/__emulator/faults`, {
    method: "POST",
    headers: { "x-emulator-admin": emulator.adminSecret, "x-emulator-account": "sandbox@factus.local" },
    body: JSON.stringify({ fault: "latency=150", times: 1000, path_prefix: "/v1/bills/show" }),
  });
  const timed = async (headers) => {
    const started = performance.now();
    const response = await fetch(edgeUrl, { headers });
    await response.arrayBuffer();
    return { ms: performance.now() - started, cache: response.headers.get("x-cache") };
  };
  const misses = [];
  const hits = [];
  for (let i = 0; i < 15; i++) {
    const token = await emulatorToken(emulator);
    const headers = { authorization: `Bearer ${jwt}`, "x-factus-token": token };
    const miss = await timed(headers);
    const hit = await timed(headers);
    if (miss.cache !== "MISS" || hit.cache !== "HIT")
      throw new Error(`expected MISS then HIT, got ${miss.cache}, ${hit.cache}`);
    misses.push(miss.ms);
    hits.push(hit.ms);
  }
  await fetch(`${emulator.url}/__emulator/faults`, {
    method: "DELETE",
    headers: { "x-emulator-admin": emulator.adminSecret, "x-emulator-account": "sandbox@factus.local" },
  });
  const missP50 = median(misses);
  const hitP50 = median(hits);
  return {
    factus_latency_ms: 150,
    miss_p50_ms: Number(missP50.toFixed(1)),
    hit_p50_ms: Number(hitP50.toFixed(1)),
    hit_over_miss: Number((hitP50 / missP50).toFixed(3)),
  };
}

export async function measureHttp() {
  const emulator = await startEmulator({ RATE_LIMIT_PER_MINUTE: "100000000" });
  const state = mkdtempSync(join(tmpdir(), "factus-bench-edge-"));
  const stops = [emulator.stop];
  try {
    const token = await emulatorToken(emulator);
    const example = JSON.parse(
      readFileSync(
        join(root, "fixtures/factus-v1/facturas__crear-y-validar-factura__factura-avanzada.1.json"),
        "utf8",
      ),
    );
    const created = await fetch(`${emulator.url}/v1/bills/validate`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ...example, numbering_range_id: 4 }),
    });
    const number = (await created.json()).data.bill.number;

    const { edge, jwt } = await startBenchEdge(emulator, state);
    stops.push(edge.stop);
    const passthrough = await startWrangler("bench/passthrough", { vars: { UPSTREAM: emulator.url } });
    stops.push(passthrough.stop);

    const edgeUrl = `${edge.url}/api/v1/invoices/${number}`;
    const edgeHeaders = { authorization: `Bearer ${jwt}`, "x-factus-token": token };
    const check = await fetch(edgeUrl, { headers: edgeHeaders });
    if (check.status !== 200) throw new Error(`edge answered ${check.status}: ${await check.text()}`);

    // Warm both, then measure the pass-through first and the gateway second, each alone on the machine.
    await load(`${passthrough.url}/v1/bills/show/${number}`, { authorization: `Bearer ${token}` }).catch(
      () => undefined,
    );
    const bare = summary(
      await load(`${passthrough.url}/v1/bills/show/${number}`, { authorization: `Bearer ${token}` }),
    );
    const gateway = summary(await load(edgeUrl, edgeHeaders));
    const cache = await cachedVersusMiss(emulator, edgeUrl, jwt);
    return {
      cache,
      route: "GET /api/v1/invoices/{number} vs GET /v1/bills/show/{number} through a pass-through Worker",
      connections: CONNECTIONS,
      duration_seconds: DURATION_SECONDS,
      passthrough: bare,
      gateway,
      throughput_ratio: Number((gateway.requests_per_second / bare.requests_per_second).toFixed(3)),
      p50_ratio: Number((gateway.p50_ms / Math.max(bare.p50_ms, 0.001)).toFixed(2)),
      p99_ratio: Number((gateway.p99_ms / Math.max(bare.p99_ms, 0.001)).toFixed(2)),
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(state, { recursive: true, force: true });
  }
}
