import { Hono } from "hono";
import { accountToken } from "../account-routing";
import { sameSecret } from "../secrets";
import type { Account } from "../services/account";

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
      !sameSecret(field("client_id"), config.clientId) ||
      !sameSecret(field("client_secret"), config.clientSecret)
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
      const given = field("username").toLowerCase();
      const knownUser =
        config.openAccounts ||
        sameSecret(given, config.username.toLowerCase()) ||
        sameSecret(given, config.v2Username.toLowerCase());
      if (!knownUser || !field("username") || !sameSecret(field("password"), config.password)) {
        return c.json(
          {
            error: "invalid_grant",
            error_description: "The user credentials were incorrect.",
            message: "The user credentials were incorrect.",
          },
          400,
        );
      }
      username = given;
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
