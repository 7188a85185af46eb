import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { refuseWithoutUserAgent } from "./cloudflare";
import type { EmulatorEnv } from "./context";
import { applyTransportFaults, splitFaults } from "./faults";
import { unauthenticated } from "./http";
import { adminRoutes } from "./routes/admin";
import { billRoutes } from "./routes/bills";
import { catalogRoutes } from "./routes/catalogs";
import { creditNoteRoutes } from "./routes/credit-notes";
import { numberingRangeRoutes } from "./routes/numbering-ranges";
import { oauthRoutes } from "./routes/oauth";
import { subscriptionRoutes } from "./routes/subscriptions";
import { adjustmentNoteRoutes, supportDocumentRoutes } from "./routes/support-documents";
import type { Account } from "./services/account";
import type { ApiVersion } from "./services/company";
import { v2AccountRoutes, v2BillRoutes, v2NoteRoutes, v2SupportRoutes } from "./v2/routes";

/** Factus' 403 when a company's token calls the other API version's paths (practitioners, 2026-09/10). */
const VERSION_NOT_AVAILABLE = "Version de API no disponible para esta empresa";

/** The emulated Factus API (v1 or v2, as the account is enabled) of one account. */
export function createEmulatorApp(account: Account) {
  const app = new Hono<EmulatorEnv>();

  app.route("/__emulator", adminRoutes(account));

  // Cloudflare, in front of every Factus path: no User-Agent, no Factus.
  app.use("*", async (c, next) => {
    const refused = account.config.requireUserAgent ? refuseWithoutUserAgent(c) : undefined;
    if (refused) return refused;
    await next();
  });

  app.use("*", async (c, next) => {
    const fault = account.takeFault(c.req.path, c.req.header("x-emulator-fault") ?? null);
    const { document, transport } = splitFaults(fault ?? "");
    c.set("documentFaults", document);
    const faulted = await applyTransportFaults(c, transport);
    if (faulted) return faulted;
    await next();
  });

  app.route("/oauth", oauthRoutes(account));

  // Every /v1 and /v2 call needs a live access token of an account enabled for that version, and counts against
  // the user's per-minute limit.
  const apiVersion = (version: ApiVersion) =>
    createMiddleware<EmulatorEnv>(async (c, next) => {
      if (account.config.faultsEnabled) {
        account.lastRequestHeaders = Object.fromEntries(c.req.raw.headers);
        const call = `${c.req.method} ${c.req.path}`;
        account.calls.set(call, (account.calls.get(call) ?? 0) + 1);
      }
      const header = c.req.header("authorization") ?? "";
      const token = header.startsWith("Bearer ") ? account.store.tokenByAccess(header.slice(7)) : undefined;
      if (!token || token.expires_at <= account.nowMs()) return unauthenticated(c);
      // The token is good for both versions; the company is enabled for one.
      if (account.version !== version) return c.json({ message: VERSION_NOT_AVAILABLE }, 403);
      const limit = account.consumeRateLimit(token.username);
      c.header("X-RateLimit-Limit", String(limit.limit));
      c.header("X-RateLimit-Remaining", String(limit.remaining));
      if (!limit.allowed) {
        c.header("Retry-After", String(limit.retryAfterSeconds));
        // Counted with the calls (/__emulator/calls): a client that paces itself never sees one.
        if (account.config.faultsEnabled) account.calls.set("429", (account.calls.get("429") ?? 0) + 1);
        return c.json({ message: "Too Many Attempts." }, 429);
      }
      c.set("username", token.username);
      await next();
    });
  app.use("/v1/*", apiVersion("v1"));
  app.use("/v2/*", apiVersion("v2"));

  app.route("/v1/bills", billRoutes(account));
  app.route("/v1/credit-notes", creditNoteRoutes(account));
  app.route("/v1/support-documents", supportDocumentRoutes(account));
  app.route("/v1/adjustment-notes", adjustmentNoteRoutes(account));
  app.route("/v1/numbering-ranges", numberingRangeRoutes(account, "v1"));
  app.route("/v1/subscriptions", subscriptionRoutes(account, "v1"));
  app.route("/v1", catalogRoutes(account.company));

  app.route("/v2/bills", v2BillRoutes(account));
  app.route("/v2/credit-notes", v2NoteRoutes(account, "credit_note"));
  app.route("/v2/debit-notes", v2NoteRoutes(account, "debit_note"));
  app.route("/v2/support-documents", v2SupportRoutes(account, "support_document"));
  app.route("/v2/adjustment-notes", v2SupportRoutes(account, "adjustment_note"));
  app.route("/v2", v2AccountRoutes(account));

  app.notFound((c) => c.json({ message: "Not Found" }, 404));
  app.onError((error, c) => {
    // Hono's own refusals (malformed JSON…) answer as Laravel does: their status, a message.
    if (error instanceof HTTPException) return c.json({ message: error.message }, error.status);
    console.error("emulator error", error instanceof Error ? error.message : String(error));
    return c.json({ message: "Server Error" }, 500);
  });
  return app;
}
