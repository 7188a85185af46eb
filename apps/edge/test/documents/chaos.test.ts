import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  api,
  billInFactus,
  billsInFactus,
  FACTUS_VERSIONS,
  factusPath,
  json,
  newSession,
  type Session,
  seedInvoice,
} from "../helpers";

// Chaos: careful clients (one Idempotency-Key per invoice, retrying with the same key and body on 5xx, 429 and 409
// IDEMPOTENCY_IN_PROGRESS, finishing 202s and unblocking a range by /retry as the 409 advises) against a Factus whose
// calls fail at random, lookups included. Seeded: a failure names its seed, and CHAOS_SEED replays it.

const SEED = Number(env.CHAOS_SEED || 20261202);
const CLIENTS = 8;
const INVOICES_PER_CLIENT = 8;
const MAX_ATTEMPTS = 60;

/** mulberry32: a small seeded generator, so a failing mix can be replayed exactly. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Faults before Factus does anything (any call), and faults of a create itself (after issue, or DIAN slow). */
const TRANSPORT = ["status=503", "status=500", "status=502", "drop", "malformed-json", "rate-limit=1"];
const ON_CREATE = [
  ...TRANSPORT,
  "lost-after-issue=drop",
  "lost-after-issue=503",
  "lost-after-issue=malformed",
  "dian-pending",
  "dian-pending,lost-after-issue=drop",
];
const LOOKUPS = ["/v1/bills?", "/v1/bills/show", "/v1/numbering-ranges"];

const admin = (session: Session, path: string, init: RequestInit = {}) =>
  fetch(`${env.FACTUS_BASE_URL}/__emulator${path}`, {
    ...init,
    headers: { "x-emulator-admin": env.EMULATOR_ADMIN_SECRET, "x-emulator-account": session.account },
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  it(`careful clients under random faults: one document per reference, each client gets it (seed ${SEED})`, {
    timeout: 600_000,
  }, async () => {
    const random = generator(SEED);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const session = await newSession({ factusVersion });
    let armed = 0;
    /**
     * About half of the Factus calls meet a fault: before each request a client makes, a fault is armed with even odds
     * on the create, and another on the lookups (the list by reference, the detail) or the range pre-flight.
     */
    const arm = (fault: string, path: string, times: number) => {
      armed++;
      return admin(session, "/faults", {
        method: "POST",
        body: JSON.stringify({ fault, times, path_prefix: path }),
      });
    };
    const maybeArm = async () => {
      if (random() < 0.5) await arm(pick(ON_CREATE), factusPath(session, "/v1/bills/validate"), 1);
      // Twice: the gateway retries a failed read once, and a lookup that fails for good is what must be survived.
      if (random() < 0.5) await arm(pick(TRANSPORT), factusPath(session, pick(LOOKUPS)), 2);
    };

    const finals: {
      reference: string;
      status: number;
      body: { data?: Record<string, unknown>; error?: unknown };
    }[] = [];
    const violations: string[] = [];

    async function issueCarefully(invoice: ReturnType<typeof seedInvoice>) {
      const headers = { "idempotency-key": crypto.randomUUID() };
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await maybeArm();
        const response = await api(session, "/invoices", { method: "POST", body: invoice, headers });
        const body = await json(response);
        if (response.status === 200 || response.status === 201) {
          finals.push({ reference: invoice.reference_code, status: response.status, body });
          return;
        }
        const code = body.error?.code as string | undefined;
        if (response.status === 202 || response.status === 429 || response.status >= 500) {
          await sleep(20 + random() * 80);
          continue;
        }
        if (code === "IDEMPOTENCY_IN_PROGRESS") {
          await sleep(200);
          continue;
        }
        if (code === "FACTUS_PENDING_DOCUMENT") {
          // As the 409 advises: a DIAN-slow blocker is finished by re-sending it (here through /retry).
          const blocker = body.error.document;
          if (blocker?.recovery === "retry" && blocker.reference_code) {
            await api(session, `/invoices/reference/${blocker.reference_code}/retry`, { method: "POST" });
          }
          await sleep(20 + random() * 50);
          continue;
        }
        violations.push(
          `${invoice.reference_code}: final ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
        );
        return;
      }
      violations.push(`${invoice.reference_code}: no answer after ${MAX_ATTEMPTS} attempts`);
    }

    const invoices = Array.from({ length: CLIENTS }, () =>
      Array.from({ length: INVOICES_PER_CLIENT }, () => seedInvoice()),
    );
    await Promise.all(
      invoices.map(async (mine) => {
        for (const invoice of mine) await issueCarefully(invoice);
      }),
    );
    await admin(session, "/faults", { method: "DELETE" });

    // The invariants, against Factus' own store (the emulator), not against what the gateway said.
    const all = invoices.flat();
    let lost = 0;
    let duplicated = 0;
    let differing = 0;
    for (const invoice of all) {
      const held = await billsInFactus(session, invoice.reference_code);
      if (held.length > 1) duplicated++;
      const answered = finals.find((final) => final.reference === invoice.reference_code);
      if (!answered) {
        lost++;
        continue;
      }
      const data = answered.body.data as { number: string; cufe: string; total: number; dian_status: string };
      const bill = held[0] ? await billInFactus(session, held[0].number) : undefined;
      if (
        !bill ||
        data.number !== bill.number ||
        data.cufe !== bill.cufe ||
        data.total !== Number(bill.total) ||
        data.dian_status !== "validated"
      )
        differing++;
    }
    const figures = {
      seed: SEED,
      invoices: all.length,
      faultsArmed: armed,
      lost,
      duplicated,
      differing,
      finalErrors: violations.length,
    };
    console.log(`chaos: ${JSON.stringify(figures)}`);
    expect(violations, JSON.stringify(figures)).toEqual([]);
    expect({ lost, duplicated, differing }).toEqual({ lost: 0, duplicated: 0, differing: 0 });
  });
});
