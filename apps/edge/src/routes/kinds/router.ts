import type { CreditNoteListQuery } from "@factus-edge/contracts/schemas/credit-notes";
import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type * as z from "zod";
import type { AnyFlow } from "../../documents/kinds/flow";
import type { AppEnv } from "../../platform/context";
import { createRouter } from "../../platform/router";
import { deleteByReference, retryByReference } from "../document-by-reference";
import { documentFileRoutes, emailContentRoute } from "../document-files";
import { detailRoute, listRoute, sendEmailRoute } from "./reads";

// A kind's whole public API from its preset: what it issues (its create, the only route of its own) and the routes
// every kind shares, in the order Hono must match them (`/{number}` last).

// biome-ignore lint/suspicious/noExplicitAny: routes of every shape are mounted alike
type Mountable = { route: RouteConfig; handler: RouteHandler<any, AppEnv> };

export interface KindApi {
  create: Mountable;
  list: z.ZodType;
  query: typeof CreditNoteListQuery;
  detail: z.ZodType;
  detailDescription: string;
}

/**
 * The routes a kind shares with every other, beyond its create, list, detail and e-mail (invoices mount these and
 * keep their own list, detail and e-mail, which say more).
 */
export const sharedKindRoutes = (flow: AnyFlow): Mountable[] =>
  [
    deleteByReference(flow),
    retryByReference(flow),
    ...documentFileRoutes(flow),
    ...(flow.mailed ? [emailContentRoute(flow)] : []),
  ] as Mountable[];

/** Mounts routes on a router, in order. */
export function mount<Router extends { openapi: (route: never, handler: never) => unknown }>(
  router: Router,
  routes: Mountable[],
) {
  for (const { route, handler } of routes) router.openapi(route as never, handler as never);
  return router;
}

export function documentKindRouter(flow: AnyFlow, api: KindApi) {
  return mount(createRouter(), [
    api.create,
    listRoute(flow, { list: api.list, query: api.query }) as Mountable,
    ...sharedKindRoutes(flow),
    ...(flow.mailed ? [sendEmailRoute(flow) as Mountable] : []),
    detailRoute(flow, api.detail, api.detailDescription) as Mountable,
  ]);
}
