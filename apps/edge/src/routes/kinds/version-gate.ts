import type { MiddlewareHandler } from "hono";
import type { AnyFlow } from "../../documents/kinds/flow";
import { callFactus } from "../../factus/call";
import { factusVersionOf } from "../../factus/documents";
import type { AppEnv } from "../../platform/context";
import { ApiError } from "../../platform/errors";
import type { RouteOptions } from "../define-route";

/**
 * The options of a route of a kind some Factus generation lacks adds (debit notes are v2's only): it answers 422
 * NOT_AVAILABLE_ON_FACTUS_VERSION before any other Factus call, saying which version has it. The account's version is
 * learnt once per token, then known without a trip.
 */
export function versionGate(flow: AnyFlow, options: RouteOptions = {}): RouteOptions {
  if (flow.versions.length === 2) return options;
  const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
    const version = await callFactus(() => factusVersionOf(c));
    if (!flow.versions.includes(version)) {
      throw new ApiError("NOT_AVAILABLE_ON_FACTUS_VERSION", {
        message:
          `Las ${flow.nouns} necesitan una cuenta de Factus ${flow.versions.join(" o ")}; la de esta empresa es ` +
          `${version}, que no las tiene`,
      });
    }
    await next();
  };
  return {
    ...options,
    middleware: [gate, ...(options.middleware ?? [])],
    errors: [...(options.errors ?? []), "NOT_AVAILABLE_ON_FACTUS_VERSION"],
  };
}
