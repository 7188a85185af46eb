import { dianStatusOf, isAlreadyProcessed } from "@factus-edge/contracts/schemas/dian-status";
import type { Context } from "hono";
import { settleBatchItem } from "../batches/store";
import type { AnyFlow } from "../documents/kinds/flow";
import { companyNitOf } from "../factus/company";
import { recordDocument } from "../ledger/ledger";
import type { AppEnv } from "../platform/context";
import { publish } from "../webhooks/deliveries";
import { type FinalState, settleJob } from "./jobs";

// What the lifecycle learns about a document, wherever it learns it (a create, a re-send, /retry, the job): the
// document's job ends, and the company's endpoints hear it once.

/**
 * A verdict: the job of the reference (if any) ends, and `<kind>.validated` or `<kind>.rejected` is told with the
 * document's public detail. `document` is the Factus document, or a way to read it (only called when an endpoint
 * listens). Rule 90 (DIAN already holds it) ends the job without an event: it is neither verdict.
 */
export async function documentSettled(
  c: Context<AppEnv>,
  flow: AnyFlow,
  referenceCode: string,
  state: FinalState,
  document?: unknown | (() => Promise<unknown>),
) {
  const nit = await companyNitOf(c);
  await settleJob(c.env.DB, nit, flow.resource, referenceCode, state);
  // A document in hand is recorded (a lazy reader is read only for listeners: its document is already recorded).
  if (document !== undefined && typeof document !== "function") await recordDocument(c, flow, document);
  if (flow.resource === "invoices" && (state === "validated" || state === "rejected")) {
    const record =
      document !== undefined && typeof document !== "function" ? flow.record(document) : undefined;
    await settleBatchItem(c.env.DB, nit, referenceCode, state, {
      number: record?.number ?? null,
      cufe: record?.key ?? null,
    });
  }
  if ((state !== "validated" && state !== "rejected") || document === undefined) return;
  const read = typeof document === "function" ? (document as () => Promise<unknown>) : async () => document;
  let loaded: unknown;
  const load = async () => (loaded ??= await read());
  await publish(c.env, nit, {
    type: `${flow.event}.${state}`,
    data: async () => flow.detail(await load()),
    subject: `${flow.resource}:${referenceCode}:${state}`,
  });
}

/** DIAN has not answered: told once per document, with its detail (the job finishes it). */
export async function documentPending(c: Context<AppEnv>, flow: AnyFlow, document: unknown) {
  const record = flow.record(document);
  await publish(c.env, await companyNitOf(c), {
    type: `${flow.event}.pending`,
    data: () => flow.detail(document),
    subject: `${flow.resource}:${record.number}:pending`,
  });
}

/** The final state a Factus document's own status and notifications mean, or undefined while DIAN has not answered. */
export function finalStateOf(flow: AnyFlow, document: unknown): FinalState | undefined {
  const record = flow.record(document);
  const status = dianStatusOf(record.status, record.errors);
  if (status === "pending") return undefined;
  if (status === "validated") return "validated";
  return isAlreadyProcessed(record.errors) ? "already_processed" : "rejected";
}
