import { DurableObject } from "cloudflare:workers";
import { createEmulatorApp } from "./app";
import { readConfig } from "./config";
import { Account } from "./services/account";
import { Store } from "./store/store";

/**
 * One emulated Factus account. A single Durable Object holds all its state in SQLite, so numbering is serialized
 * (one request at a time touches a range) and survives `wrangler dev` restarts (.wrangler/state).
 */
export class FactusAccount extends DurableObject<Cloudflare.Env> {
  private readonly app: ReturnType<typeof createEmulatorApp>;

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    const store = new Store(ctx.storage.sql);
    store.migrate(new Date().toISOString());
    this.app = createEmulatorApp(new Account(store, readConfig(env)));
  }

  override fetch(request: Request): Response | Promise<Response> {
    return this.app.fetch(request);
  }
}
