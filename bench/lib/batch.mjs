// 4. A 1,000-invoice batch through `wrangler dev` (edge + emulator, Factus' 80-a-minute limit lifted), against what a
// company writes instead: a loop that sends the same invoices to Factus one after another. The difference, per
// invoice, is the gateway's own overhead in the background: the item's D1 reads and writes, the single create's path
// (pre-flight, the idempotent lookup of a lost answer on retry, the answer's check), the ledger row, the pacer.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "factus-emulator/testing";
import { emulatorToken, startBenchEdge } from "./bench-edge.mjs";
import { root } from "./wrangler.mjs";

const INVOICES = 1000;
const UNLIMITED = "100000000";

const seed = () => JSON.parse(readFileSync(join(root, "fixtures/seeds/create-invoice.request.json"), "utf8"));
const fixture = () =>
  JSON.parse(
    readFileSync(
      join(root, "fixtures/factus-v1/facturas__crear-y-validar-factura__factura-avanzada.1.json"),
      "utf8",
    ),
  );

/** What a company writes without the gateway: each invoice sent to Factus, one after another. */
async function directLoop(emulator, token) {
  const example = fixture();
  const started = performance.now();
  for (let i = 0; i < INVOICES; i++) {
    const response = await fetch(`${emulator.url}/v1/bills/validate`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        accept: "application/json",
      },
      body: JSON.stringify({ ...example, numbering_range_id: 4, reference_code: `LOOP-${i}-${Date.now()}` }),
    });
    if (response.status !== 201)
      throw new Error(`Factus answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
  return performance.now() - started;
}

export async function measureBatch() {
  const emulator = await startEmulator({ RATE_LIMIT_PER_MINUTE: UNLIMITED });
  const state = mkdtempSync(join(tmpdir(), "factus-bench-batch-"));
  const stops = [emulator.stop];
  try {
    // The background pace lifted too: what is timed is the gateway's own work per invoice.
    const { edge, jwt } = await startBenchEdge(emulator, state, {
      BACKGROUND_FACTUS_CALLS_PER_MINUTE: UNLIMITED,
    });
    stops.push(edge.stop);
    const token = await emulatorToken(emulator);
    const headers = {
      authorization: `Bearer ${jwt}`,
      "x-factus-token": token,
      "content-type": "application/json",
    };

    const loopMs = await directLoop(emulator, token);

    const request = seed();
    const invoices = Array.from({ length: INVOICES }, (_, i) => ({
      ...request,
      reference_code: `BENCH-${i}-${Date.now()}`,
      customer: { ...request.customer, dv: "8" },
    }));
    const started = performance.now();
    const created = await fetch(`${edge.url}/api/v1/invoice-batches`, {
      method: "POST",
      headers,
      body: JSON.stringify({ invoices }),
    });
    const acceptedMs = performance.now() - started;
    const body = await created.json();
    if (created.status !== 202 || body.data.accepted !== INVOICES)
      throw new Error(`batch answered ${created.status}: ${JSON.stringify(body).slice(0, 500)}`);
    let batch;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const polled = await fetch(`${edge.url}/api/v1/invoice-batches/${body.data.id}?per_page=1`, {
        headers,
      });
      if (polled.status !== 200)
        throw new Error(`batch read answered ${polled.status}: ${await polled.text()}`);
      batch = (await polled.json()).data;
      if (batch.status === "completed") break;
      if (performance.now() - started > 30 * 60_000)
        throw new Error(`batch not done: ${JSON.stringify(batch)}`);
    }
    const batchMs = performance.now() - started;
    if (batch.counts.validated !== INVOICES)
      throw new Error(`batch ended with ${JSON.stringify(batch.counts)}`);
    return {
      invoices: INVOICES,
      accepted_ms: Math.round(acceptedMs),
      batch_ms: Math.round(batchMs),
      direct_loop_ms: Math.round(loopMs),
      batch_per_invoice_ms: Number((batchMs / INVOICES).toFixed(2)),
      direct_per_invoice_ms: Number((loopMs / INVOICES).toFixed(2)),
      overhead_per_invoice_ms: Number(((batchMs - loopMs) / INVOICES).toFixed(2)),
      ratio: Number((batchMs / loopMs).toFixed(2)),
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(state, { recursive: true, force: true });
  }
}
