import type { FactusToken } from "@factus-edge/contracts/factus/auth";
import type { TokenSource } from "./core";
import type { FactusCredentials, RequestOptions } from "./options";
import type { AuthResource } from "./resources/auth";

/** Refresh this long before `expires_in` runs out, so a token never expires in flight. */
const REFRESH_MARGIN_MS = 60_000;

interface CachedToken {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/**
 * Tokens for a client that logs in by itself: cached, refreshed a minute before they expire, one refresh at a time
 * however many calls wait for it, and back to the password grant when the refresh token is refused.
 */
export class TokenManager implements TokenSource {
  private cached: CachedToken | undefined;
  private inflight: Promise<string> | undefined;

  constructor(
    private readonly auth: AuthResource,
    private readonly credentials: Required<FactusCredentials>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A live access token: cached, refreshed 60 s before expiry, one grant at a time however many callers wait. */
  async token(options: RequestOptions): Promise<string> {
    if (this.cached && this.now() < this.cached.expiresAt - REFRESH_MARGIN_MS) return this.cached.accessToken;
    this.inflight ??= this.renew(options).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Forgets `token` after Factus refused it (401), so the next call gets a new one. */
  invalidate(token: string) {
    if (this.cached?.accessToken === token) this.cached = { ...this.cached, expiresAt: 0 };
  }

  private async renew(options: RequestOptions): Promise<string> {
    const call = { signal: options.signal, requestId: options.requestId } as RequestOptions;
    let token: FactusToken | undefined;
    if (this.cached) {
      token = await this.auth
        .refreshGrant({ refreshToken: this.cached.refreshToken }, call)
        .catch(() => undefined);
    }
    token ??= await this.auth.passwordGrant(
      { username: this.credentials.username, password: this.credentials.password },
      call,
    );
    this.cached = {
      accessToken: token.access_token,
      refreshToken: token.refresh_token,
      expiresAt: this.now() + token.expires_in * 1000,
    };
    return token.access_token;
  }
}
