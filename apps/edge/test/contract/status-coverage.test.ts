import { describe, expect, it } from "vitest";
import {
  API,
  armFault,
  call,
  clearFaults,
  FACTUS_VERSIONS,
  newSession,
  type Session,
  SHORT_TIMEOUTS,
  shortTimeouts,
} from "../helpers";
import { OPERATIONS, type Operation } from "./operations";

// Drives every operation of the OpenAPI document through its error paths (missing credentials, bad bodies, and
// every failure Factus can answer, from the emulator's faults) and fails when an operation answers a status its
// document does not declare: the document is the contract frontends code against.

/** Factus failures, armed on every Factus call of the operation (reads retry once, a create may look up after). */
const FACTUS_FAULTS = [
  "status=400",
  "status=402",
  "status=403",
  "status=404",
  "status=409",
  "status=422",
  "status=500",
  "status=503",
  "drop",
  "malformed-json",
  "rate-limit=9",
  `latency=${SHORT_TIMEOUTS.createMs + 100}`,
  "dian-rejection",
  "dian-rule-90",
  "dian-pending",
  "lost-after-issue=503",
];

interface Provocation {
  name: string;
  /** Without the local JWT and X-Factus-Token. */
  anonymous?: boolean;
  contentType?: string;
  body?: string;
  fault?: string;
}

function provocations(operation: Operation): Provocation[] {
  const list: Provocation[] = [{ name: "no credentials", anonymous: true }];
  if (operation.body) {
    list.push(
      { name: "unknown field", body: JSON.stringify({ unknown: 1 }) },
      { name: "malformed JSON", body: "{" },
      { name: "not JSON", body: "x", contentType: "text/plain" },
    );
  }
  if (operation.user) for (const fault of FACTUS_FAULTS) list.push({ name: fault, fault });
  return list;
}

/** Operations provoked at once. */
const CONCURRENT_OPERATIONS = 12;

/** Runs `task` over `items`, at most `limit` at once. */
async function withConcurrency<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function provoke(operation: Operation, session: Session, provocation: Provocation) {
  // Three: a read and its one retry, plus the create after its range pre-flight (a failed lookup is not cached).
  if (provocation.fault) await armFault(session, provocation.fault, "/", 3);
  const body = provocation.body ?? (operation.body ? JSON.stringify(operation.body(session)) : undefined);
  const headers = new Headers();
  if (body !== undefined) headers.set("content-type", provocation.contentType ?? "application/json");
  if (operation.user && !provocation.anonymous) {
    headers.set("authorization", `Bearer ${session.jwt}`);
    headers.set("x-factus-token", session.factusToken);
  }
  // A latency fault is about timeouts: it alone meets a gateway with short ones.
  const via = provocation.fault?.startsWith("latency") ? shortTimeouts() : call;
  const response = await via(`${API}${operation.path}`, { method: operation.method, headers, body });
  await response.arrayBuffer();
  if (provocation.fault) await clearFaults(session);
  return response.status;
}

describe.each(FACTUS_VERSIONS)("on Factus %s", (factusVersion) => {
  it("every status an operation answers is declared in its OpenAPI document", {
    timeout: 360_000,
  }, async () => {
    const undeclared: string[] = [];
    const answered: Record<string, number[]> = {};
    // A few operations at a time: each logs in to its own Factus account, and 84 logins at once on a busy 2-core
    // machine outlast the gateway's Factus timeout (a 504 that is the machine's, not the route's).
    await withConcurrency(OPERATIONS, CONCURRENT_OPERATIONS, async (operation) => {
      // Faults are armed per Factus account: one each. Administrative routes need an admin to get past the role.
      const session = await newSession({ role: operation.admin ? "admin" : "user", factusVersion });
      for (const provocation of provocations(operation)) {
        const status = await provoke(operation, session, provocation);
        answered[operation.operationId] = [...new Set([...(answered[operation.operationId] ?? []), status])];
        if (!operation.statuses.includes(status))
          undeclared.push(`${operation.operationId} answered ${status} to "${provocation.name}"`);
      }
    });
    expect(undeclared, JSON.stringify(answered)).toEqual([]);
    // The provocations reach the error paths: 401 everywhere, and Factus' failures on Factus-backed routes (a
    // create's timeout becomes a lookup, not a 504, so 504 is a read's).
    for (const operation of OPERATIONS.filter((entry) => entry.user)) {
      expect(answered[operation.operationId], operation.operationId).toContain(401);
    }
    // Reference tables never reach Factus; on a v2 account neither do the catalogs, answered from v2's published
    // tables once the account's version is known.
    const local = new Set([
      "lookupReferenceTables",
      // A user's own connections and keys live in D1: only their creation and renewal ask Factus.
      "listFactusConnections",
      "deleteFactusConnection",
      "createApiKey",
      "listApiKeys",
      "revokeApiKey",
      // The walk's example id is no connection of the caller's: 404 before anything reaches Factus.
      "reauthorizeFactusConnection",
    ]);
    if (factusVersion === "v2")
      for (const id of ["lookupMunicipalities", "lookupCountries", "lookupTaxes", "lookupUnits"])
        local.add(id);
    // A kind the account's version lacks is refused (422) once that version is known, without asking Factus.
    if (factusVersion === "v1")
      for (const operation of OPERATIONS.filter((entry) => entry.path.startsWith("/debit-notes")))
        local.add(operation.operationId);
    for (const operation of OPERATIONS.filter((entry) => entry.user && !local.has(entry.operationId))) {
      const expected = [402, 403, 429, 502, 503, ...(operation.method === "GET" ? [504] : [])];
      expect(answered[operation.operationId], operation.operationId).toEqual(
        expect.arrayContaining(expected),
      );
    }
    console.log(`statuses answered per operation: ${JSON.stringify(answered)}`);
  });
});
