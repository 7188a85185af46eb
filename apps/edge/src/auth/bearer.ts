import type { Context } from "hono";
import type { AppEnv } from "../platform/context";

// What a request's `Authorization: Bearer …` carries: a local JWT, or an API key (auth/api-keys.ts), told apart by
// the key's prefix.

export const KEY_PREFIX = "fek_";

export const isApiKey = (bearer: string) => bearer.startsWith(KEY_PREFIX);

/** The bearer credential of a request, if any. */
export const bearerOf = (c: Context<AppEnv>) =>
  /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
