import { FactusToken } from "@factus-edge/contracts/factus/auth";
import type { HttpCore } from "../core";
import { FactusInvalidRequestError } from "../errors";
import type { FactusCredentials, RequestOptions } from "../options";

/** OAuth2 grants of `POST /oauth/token` (form-encoded). Client id and secret come from the client's credentials. */
export class AuthResource {
  constructor(
    private readonly http: HttpCore,
    private readonly credentials: FactusCredentials | undefined,
  ) {}

  private client(options: RequestOptions) {
    if (!this.credentials) {
      throw new FactusInvalidRequestError(
        "OAuth grants need `credentials.clientId` and `credentials.clientSecret`",
        {
          requestId: options.requestId ?? "",
          issues: [{ field: "credentials", messages: ["Required for OAuth grants"] }],
        },
      );
    }
    return { client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret };
  }

  /** Password grant: an account's e-mail and password → tokens. */
  passwordGrant(input: { username: string; password: string }, options: RequestOptions = {}) {
    const form = {
      grant_type: "password",
      ...this.client(options),
      username: input.username,
      password: input.password,
    };
    return this.http.request(
      { method: "POST", path: "/oauth/token", form, anonymous: true },
      FactusToken,
      options,
    );
  }

  /** Refresh grant: a refresh token → a new token pair (the old refresh token stops working). */
  refreshGrant(input: { refreshToken: string }, options: RequestOptions = {}) {
    const form = { grant_type: "refresh_token", ...this.client(options), refresh_token: input.refreshToken };
    return this.http.request(
      { method: "POST", path: "/oauth/token", form, anonymous: true },
      FactusToken,
      options,
    );
  }
}
