// Node stand-in for the `cloudflare:workers` module, so the edge app can be bundled and timed in-process.
// Only what the app touches at import time: the Durable Object base class.
export class DurableObject {
  constructor(ctx, env) {
    this.ctx = ctx;
    this.env = env;
  }
}
