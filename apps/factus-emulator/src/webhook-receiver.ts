import { DurableObject } from "cloudflare:workers";

// A webhook receiver for local development and tests (not Factus): `POST /webhook-receiver/<inbox>` keeps each
// delivery it gets (headers and the exact body, for signature checks) and answers 2xx, or, while its inbox is told to
// fail (`PUT /webhook-receiver/<inbox>/behaviour {"fail_times": 2, "status": 500, "delay_ms": 0}`), that status.
// `GET /webhook-receiver/<inbox>` lists what arrived, oldest first. One Durable Object per inbox: it survives restarts.

interface Received {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
  answered: number;
  received_at: string;
}

export class WebhookInbox extends DurableObject<Cloudflare.Env> {
  private readonly sql = this.ctx.storage.sql;

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS received (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT, timestamp TEXT,
      signature TEXT, body TEXT NOT NULL, answered INTEGER NOT NULL, received_at TEXT NOT NULL)`);
    this.sql.exec(
      "CREATE TABLE IF NOT EXISTS behaviour (k INTEGER PRIMARY KEY, fail_times INTEGER, status INTEGER, delay_ms INTEGER)",
    );
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "PUT" && url.pathname.endsWith("/behaviour")) {
      const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
      this.sql.exec(
        "INSERT OR REPLACE INTO behaviour (k, fail_times, status, delay_ms) VALUES (1, ?, ?, ?)",
        Number(body.fail_times ?? 0),
        Number(body.status ?? 500),
        Number(body.delay_ms ?? 0),
      );
      return Response.json({ ok: true });
    }
    if (request.method === "GET") {
      const rows = this.sql
        .exec("SELECT id, timestamp, signature, body, answered, received_at FROM received ORDER BY seq")
        .toArray();
      return Response.json({ received: rows as unknown as Received[] });
    }
    if (request.method !== "POST") return new Response(null, { status: 405 });
    const behaviour = this.sql
      .exec("SELECT fail_times, status, delay_ms FROM behaviour WHERE k = 1")
      .toArray()[0] as { fail_times: number; status: number; delay_ms: number } | undefined;
    const failing = (behaviour?.fail_times ?? 0) > 0;
    if (failing) this.sql.exec("UPDATE behaviour SET fail_times = fail_times - 1 WHERE k = 1");
    const answered = failing ? (behaviour?.status ?? 500) : 204;
    this.sql.exec(
      "INSERT INTO received (id, timestamp, signature, body, answered, received_at) VALUES (?, ?, ?, ?, ?, ?)",
      request.headers.get("webhook-id"),
      request.headers.get("webhook-timestamp"),
      request.headers.get("webhook-signature"),
      await request.text(),
      answered,
      new Date().toISOString(),
    );
    if (behaviour?.delay_ms) await new Promise((resolve) => setTimeout(resolve, behaviour.delay_ms));
    return new Response(null, { status: answered });
  }
}
