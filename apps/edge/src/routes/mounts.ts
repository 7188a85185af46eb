import type { OpenAPIHono } from "@hono/zod-openapi";
import { API_BASE } from "../platform/api-base";
import type { AppEnv } from "../platform/context";

// Every router of the API and where it is mounted, each loaded on demand: a route module builds its zod schemas when
// it loads, so an isolate that only serves health checks, Durable Objects or the cron never builds an invoice
// schema, and one that serves invoices builds only theirs (api.ts). `import()` keeps a module out of start-up
// only while nothing the Worker's entry reaches imports it statically: esbuild then wraps it to run on first use.

// biome-ignore lint/suspicious/noExplicitAny: each router's own route types; the mount only needs it as a router.
export type Router = OpenAPIHono<AppEnv, any, any>;

export interface RouteMount {
  /** Where the router is mounted (`app.route(base, router)`). */
  base: string;
  /** The paths it serves: this, or this followed by `/`. */
  prefix: string;
  load: () => Promise<Router>;
}

const under = (path: string, load: () => Promise<Router>): RouteMount => ({
  base: `${API_BASE}${path}`,
  prefix: `${API_BASE}${path}`,
  load,
});

export const ROUTE_MOUNTS: readonly RouteMount[] = [
  {
    base: API_BASE,
    prefix: `${API_BASE}/health`,
    load: async () => (await import("./system/health")).healthRouter,
  },
  under("/auth", async () => (await import("./auth")).authRouter),
  under("/invoices", async () => (await import("./invoices")).invoicesRouter),
  under("/credit-notes", async () => (await import("./credit-notes")).creditNotesRouter),
  under("/debit-notes", async () => (await import("./debit-notes")).debitNotesRouter),
  under("/support-documents", async () => (await import("./support-documents")).supportDocumentsRouter),
  under("/adjustment-notes", async () => (await import("./adjustment-notes")).adjustmentNotesRouter),
  under("/numbering-ranges", async () => (await import("./numbering-ranges")).numberingRangesRouter),
  under("/lookups", async () => (await import("./lookups")).lookupsRouter),
  under("/company", async () => (await import("./company")).companyRouter),
  under("/factus-connections", async () => (await import("./factus-connections")).factusConnectionsRouter),
  under("/api-keys", async () => (await import("./api-keys")).apiKeysRouter),
  under("/webhook-endpoints", async () => (await import("./webhook-endpoints")).webhookEndpointsRouter),
  under("/invoice-batches", async () => (await import("./invoice-batches")).invoiceBatchesRouter),
  under("/documents", async () => (await import("./documents")).documentsRouter),
  under("/ledger", async () => (await import("./ledger")).ledgerRouter),
];

/** The mount that serves `path`, if any. */
export function mountFor(path: string) {
  return ROUTE_MOUNTS.find(
    ({ prefix }) => path === prefix || (path.startsWith(prefix) && path[prefix.length] === "/"),
  );
}
