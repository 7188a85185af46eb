import { DurableObject } from "cloudflare:workers";
import { lazyApi } from "./api";
import type { Config, Env } from "./platform/config";

// Where writes with an Idempotency-Key run (routes/placement.ts): a Durable Object created with a location hint near
// Factus and the D1 primary, running the very app the edge runs, so the key's claim, the Factus call and the stored
// answer are short trips from here and the caller waits for one long one. It keeps no state of its own: everything
// it writes goes to D1, as at the edge, so any instance (after an eviction, a restart) answers the same.

/** One app per configuration the edge sends (in practice one per deployment). */
const apps = new Map<string, ReturnType<typeof lazyApi>>();

export class NearFactus extends DurableObject<Env> {
  async write(request: Request, config: Config) {
    const key = JSON.stringify(config);
    const app = apps.get(key) ?? lazyApi({ ...config, placed: true });
    apps.set(key, app);
    return app.fetch(request, this.env, {
      waitUntil: (promise: Promise<unknown>) => this.ctx.waitUntil(promise),
      passThroughOnException: () => {},
      props: {},
    } as unknown as ExecutionContext);
  }
}
