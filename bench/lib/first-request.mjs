// The first request of a new isolate, in CPU: what start-up does not cover. A Worker that builds its API when the
// isolate starts pays it in start-up; one that builds it on demand pays it here. Profiled through workerd's
// inspector (`wrangler dev`), like `wrangler check startup` profiles start-up.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { BENCH_EDGE_SECRETS } from "./bench-edge.mjs";
import { busyMs, median } from "./stats.mjs";
import { root, startWrangler } from "./wrangler.mjs";

/** A DevTools session on the Worker's isolate (wrangler's inspector proxy wants a DevTools origin). */
async function inspect(inspectorPort) {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl, {
    headers: { Origin: "https://devtools.devprod.cloudflare.dev" },
  });
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let lastId = 0;
  const pending = new Map();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++lastId;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { call, close: () => socket.close() };
}

/**
 * CPU of `request` inside the Worker, sampled every millisecond, no finer than the start-up profiles it is compared
 * with (sampling every 100 µs gave the same medians here).
 */
async function profiled(session, request, status) {
  await session.call("Profiler.start");
  const response = await request();
  const body = await response.text();
  // A wrong answer (the edge refusing to serve without its secrets, say) is not the request being measured.
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status}: ${body.slice(0, 300)}`);
  const { profile } = await session.call("Profiler.stop");
  return busyMs(profile);
}

/** The edge's docs asset (scripts/docs-assets.mjs). */
function edgeReadyPath() {
  return `/api/v1/docs/assets/${readdirSync(join(root, "apps/edge/public/api/v1/docs/assets"))[0]}`;
}

/**
 * A Worker's first and second `GET path` in fresh `wrangler dev` processes (median of `runs`), each answered
 * `status`: the edge's by default. Readiness is polled on a static asset, which the Worker never sees, so the first
 * request is really the isolate's first.
 */
export async function measureFirstRequest(
  runs = 5,
  {
    dir = "apps/edge",
    path = "/api/v1/health",
    status = 200,
    readyPath = edgeReadyPath(),
    vars = BENCH_EDGE_SECRETS,
  } = {},
) {
  const first = [];
  const second = [];
  for (let run = 0; run < runs; run++) {
    const edge = await startWrangler(dir, { readyPath, vars });
    try {
      const session = await inspect(edge.inspectorPort);
      await session.call("Profiler.enable");
      await session.call("Profiler.setSamplingInterval", { interval: 1000 });
      const request = () => fetch(`${edge.url}${path}`);
      first.push(await profiled(session, request, status));
      second.push(await profiled(session, request, status));
      session.close();
    } finally {
      await edge.stop();
    }
  }
  return {
    first_request_cpu_ms: median(first),
    first_request_cpu_ms_runs: first,
    second_request_cpu_ms: median(second),
  };
}
