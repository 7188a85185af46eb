import { Hono } from "hono";
import { accountToken } from "../accounts";
import type { Account } from "../services/account";

/** Constant-time string comparison, so credential checks leak nothing through timing. */
export function safeEqual(a: string, b: string) {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++)
    difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}

/** `POST /oauth/token`: Laravel Passport's password and refresh grants, form-encoded, as Factus runs them. */
export function oauthRoutes(account: Account) {
  const { store, config } = account;
  const app = new Hono();

  app.post("/token", async (c) => {
    const type = c.req.header("content-type") ?? "";
    const form =
      type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")
        ? await c.req.parseBody()
        : ((await c.req.json().catch(() => ({}))) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");

    if (
      !safeEqual(field("client_id"), config.clientId) ||
      !safeEqual(field("client_secret"), config.clientSecret)
    ) {
      return c.json(
        {
          error: "invalid_client",
          error_description: "Client authentication failed",
          message: "Client authentication failed",
        },
        401,
      );
    }
    let username: string;
    if (field("grant_type") === "password") {
      const knownUser =
        config.openAccounts || safeEqual(field("username").toLowerCase(), config.username.toLowerCase());
      if (!knownUser || !field("username") || !safeEqual(field("password"), config.password)) {
        return c.json(
          {
            error: "invalid_grant",
            error_description: "The user credentials were incorrect.",
            message: "The user credentials were incorrect.",
          },
          400,
        );
      }
      username = field("username").toLowerCase();
    } else if (field("grant_type") === "refresh_token") {
      const previous = store.tokenByRefresh(field("refresh_token"));
      if (!previous || previous.refresh_expires_at <= account.nowMs()) {
        return c.json(
          {
            error: "invalid_grant",
            error_description: "The refresh token is invalid.",
            message: "The refresh token is invalid.",
          },
          400,
        );
      }
      // Refresh tokens rotate: the old pair stops working the moment a new one is issued.
      store.revokeToken(previous.access_token);
      username = previous.username;
    } else {
      return c.json(
        { error: "unsupported_grant_type", message: "The authorization grant type is not supported." },
        400,
      );
    }

    const token = {
      access_token: accountToken(username),
      refresh_token: accountToken(username),
      username,
      expires_at: account.nowMs() + config.accessTokenTtl * 1000,
      refresh_expires_at: account.nowMs() + config.refreshTokenTtl * 1000,
      revoked: 0,
    };
    store.insertToken(token);
    return c.json({
      token_type: "Bearer",
      expires_in: config.accessTokenTtl,
      access_token: token.access_token,
      refresh_token: token.refresh_token,
    });
  });

  return app;
}
