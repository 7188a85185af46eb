import { DurableObject } from "cloudflare:workers";
import { createEmulatorApp } from "./app";
import { readConfig } from "./config";
import { Account } from "./services/account";
import { SEED_RANGES, SEED_RANGES_V2 } from "./store/schema";
import { Store } from "./store/store";

/**
 * One emulated Factus account. A single Durable Object holds all its state in SQLite, so numbering is serialized
 * (one request at a time touches a range) and survives `wrangler dev` restarts (.wrangler/state).
 */
export class FactusAccount extends DurableObject<Cloudflare.Env> {
  private readonly app: ReturnType<typeof createEmulatorApp>;

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    const config = readConfig(env);
    // The Worker entry reaches every account by name (its username), so the object knows whose it is.
    const account = new Account(new Store(ctx.storage.sql), config, ctx.id.name ?? config.username);
    account.store.migrate(account.now(), account.version === "v2" ? SEED_RANGES_V2 : SEED_RANGES);
    this.app = createEmulatorApp(account);
  }

  override fetch(request: Request): Response | Promise<Response> {
    return this.app.fetch(request);
  }
}
