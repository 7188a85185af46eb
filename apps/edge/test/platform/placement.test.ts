import { listDurableObjectIds } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { readConfig } from "../../src/platform/config";
import { api, expectStatus, newSession, type Session, seedInvoice } from "../helpers";

// Writes with an Idempotency-Key run in the Durable Object placed near Factus (src/near-factus.ts): one long trip for
// the caller instead of three. The suites of exactly-once and lost answers run through it; these check the hand-off.

const placedFor = async (userId: string) => {
  const ids = await listDurableObjectIds(env.NEAR_FACTUS);
  const id = env.NEAR_FACTUS.idFromName(`user:${userId}`);
  return ids.some((entry) => entry.equals(id));
};

/** A create with a fresh Idempotency-Key through `app`, with these bindings. */
const keyedCreate = (app: Awaited<ReturnType<typeof createApp>>, session: Session, bindings: object) =>
  app.request(
    "http://edge.test/api/v1/invoices",
    {
      method: "POST",
      headers: {
        authorization: `Bearer ${session.jwt}`,
        "x-factus-token": session.factusToken,
        "content-type": "application/json",
        "idempotency-key": crypto.randomUUID(),
      },
      body: JSON.stringify(seedInvoice()),
    },
    bindings,
  );

describe("writes with an Idempotency-Key run near Factus", () => {
  it("a keyed create is answered from the placed object, with the edge's own headers; a keyless one is not", async () => {
    const keyless = await newSession();
    await expectStatus(await api(keyless, "/invoices", { method: "POST", body: seedInvoice() }), 201);
    expect(await placedFor(keyless.user.id)).toBe(false);

    const session = await newSession();
    const key = { "idempotency-key": crypto.randomUUID(), "x-request-id": "trace-0123456789" };
    const invoice = seedInvoice();
    const created = await api(session, "/invoices", { method: "POST", body: invoice, headers: key });
    const body = await expectStatus(created, 201);
    expect(await placedFor(session.user.id)).toBe(true);
    expect(created.headers.get("x-request-id")).toBe("trace-0123456789");
    expect(created.headers.get("x-ratelimit-limit")).toBe(env.RATE_LIMIT_PER_MINUTE);
    expect(created.headers.get("strict-transport-security")).toBeTruthy();
    // The replay comes from the same stored answer.
    const replayed = await api(session, "/invoices", { method: "POST", body: invoice, headers: key });
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect((await expectStatus(replayed, 201)).data.number).toBe(body.data.number);
  });

  it("a refused request answers the same envelope from there (the body is checked near Factus)", async () => {
    const session = await newSession();
    const answer = await api(session, "/invoices", {
      method: "POST",
      body: { ...seedInvoice(), items: [] },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    const error = await expectStatus(answer, 422);
    expect(error.error.code).toBe("VALIDATION_FAILED");
    expect(error.error.details.map((detail: { path: string }) => detail.path)).toContain("items");
  });

  it("an object that fails is reported as an unknown outcome (the key's next try looks before sending)", async () => {
    const session = await newSession();
    const app = await createApp(readConfig(env));
    const broken = {
      ...env,
      NEAR_FACTUS: {
        getByName: () => ({
          write: async () => {
            throw new Error("object reset");
          },
        }),
      },
    };
    const answer = await keyedCreate(app, session, broken);
    expect((await expectStatus(answer, 503)).error.code).toBe("FACTUS_OUTCOME_UNKNOWN");
  });

  it("a login runs there too (the user's row and the throttle are read one after the other)", async () => {
    const before = (await listDurableObjectIds(env.NEAR_FACTUS)).length;
    const session = await newSession();
    const ids = await listDurableObjectIds(env.NEAR_FACTUS);
    const login = env.NEAR_FACTUS.idFromName("login:local");
    expect(ids.some((entry) => entry.equals(login))).toBe(true);
    expect(ids.length).toBeGreaterThanOrEqual(before);
    expect(session.jwt).toMatch(/^ey/);
  });

  it("turned off (PLACE_NEAR_FACTUS=false), the edge runs the write itself", async () => {
    const session = await newSession();
    const app = await createApp({ ...readConfig(env), placeNearFactus: false });
    const answer = await keyedCreate(app, session, env);
    await expectStatus(answer, 201);
    expect(await placedFor(session.user.id)).toBe(false);
  });
});
