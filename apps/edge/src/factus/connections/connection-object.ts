import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../platform/config";
import { type SealingKeys, seal, sealingKeys, unseal } from "./sealing";

// One Durable Object per Factus connection: the single owner of its tokens. Factus rotates refresh tokens and refuses
// a used one, so two refreshes racing would kill the connection; here they cannot race (one object, one refresh in
// flight, the others wait for it). Its storage keeps both tokens sealed (sealing.ts), never in clear, and never the
// account's password. Workers ask it for the access token only on a miss of their own short cache.

/** A token is renewed this long before Factus says it expires. */
const RENEW_BEFORE_MS = 120_000;
/** A token refused this soon after a refresh is not refreshed again: finding it refused twice is a loop. */
const FRESH_MS = 60_000;

export interface ConnectionToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * `needs_reauth`: Factus refused the refresh token (only the account's owner can renew it). `refused`: Factus refused
 * a token renewed under a minute ago (a suspended account?): refreshing again would only spend the company's quota.
 * `unavailable`: Factus could not renew it now (5xx, 429, timeout, or it refused the platform's own OAuth client) and
 * no token still valid is left: retry later. `gone`: the connection was deleted.
 */
export type ConnectionAnswer =
  | { ok: true; token: ConnectionToken }
  | { ok: false; reason: "needs_reauth" | "gone" | "refused" | "unavailable" };

export interface Grant {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export class FactusConnectionObject extends DurableObject<Env> {
  private current: ConnectionToken | undefined;
  /** When the last refresh succeeded (epoch ms). */
  private refreshedAt = 0;
  private refreshing: Promise<ConnectionAnswer> | undefined;
  /**
   * Bumped by `open` and `forget`: a refresh that started before either must not write its tokens over what they
   * set (a deleted connection's storage, or a reauthorization's fresh grant).
   */
  private generation = 0;

  private keys(): Promise<SealingKeys> {
    return sealingKeys(this.env.FACTUS_CONNECTION_KEYS);
  }

  /** The connection's id: what every sealed value is bound to. */
  private async id(): Promise<string | undefined> {
    return this.ctx.storage.get<string>("id");
  }

  /** Keeps a new grant (a password grant, or a reauthorization), replacing whatever the connection held. */
  async open(id: string, grant: Grant): Promise<void> {
    this.generation++;
    await this.refreshing?.catch(() => undefined);
    await this.ctx.storage.put({ id, status: "active" });
    await this.keep(id, grant);
  }

  /** The current access token, renewed first when it is about to expire. */
  async accessToken(): Promise<ConnectionAnswer> {
    const token = this.current ?? (await this.stored());
    if (token && token.expiresAt - Date.now() > RENEW_BEFORE_MS) return { ok: true, token };
    return this.refresh();
  }

  /**
   * A fresh token after Factus refused `rejected` (401): renewed only if `rejected` is still the current one, so the
   * fifty calls that saw one expired token cause one refresh, not fifty.
   */
  async tokenAfterRejection(rejected: string): Promise<ConnectionAnswer> {
    const token = this.current ?? (await this.stored());
    if (token && token.accessToken !== rejected && token.expiresAt - Date.now() > RENEW_BEFORE_MS)
      return { ok: true, token };
    if (token?.accessToken === rejected && Date.now() - this.refreshedAt < FRESH_MS)
      return { ok: false, reason: "refused" };
    const answer = await this.refresh();
    // A refresh that could not be made keeps the current token: useless to a caller Factus just refused it to.
    if (answer.ok && answer.token.accessToken === rejected) return { ok: false, reason: "unavailable" };
    return answer;
  }

  /** How many refreshes this connection made (operations, and the tests that prove there is one per expiry). */
  async refreshes(): Promise<number> {
    return (await this.ctx.storage.get<number>("refreshes")) ?? 0;
  }

  /** Forgets everything: the connection was deleted. A refresh in flight is let finish, then dropped. */
  async forget(): Promise<void> {
    this.generation++;
    await this.refreshing?.catch(() => undefined);
    this.current = undefined;
    await this.ctx.storage.deleteAll();
  }

  private refresh(): Promise<ConnectionAnswer> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<ConnectionAnswer> {
    const generation = this.generation;
    const id = await this.id();
    const sealed = await this.ctx.storage.get<string>("refresh");
    if (!id || !sealed) return { ok: false, reason: "gone" };
    if ((await this.ctx.storage.get<string>("status")) === "needs_reauth")
      return { ok: false, reason: "needs_reauth" };
    const keys = await this.keys();
    // Loaded here, not with the class: the Factus client's schemas are not built while an isolate starts.
    const { refreshGrant, refusesTheRefreshToken } = await import("./refresh-grant");
    let grant: Grant;
    try {
      grant = await refreshGrant(this.env, await unseal(keys, sealed, `${id}:refresh`));
    } catch (error) {
      // Deleted or reauthorized meanwhile: their state wins over this refresh's outcome.
      if (generation !== this.generation) return this.latest();
      if (refusesTheRefreshToken(error)) {
        await this.ctx.storage.put("status", "needs_reauth");
        this.current = undefined;
        await this.env.DB.prepare(
          "UPDATE factus_connections SET status = 'needs_reauth', updated_at = ?2 WHERE id = ?1",
        )
          .bind(id, Date.now())
          .run();
        return { ok: false, reason: "needs_reauth" };
      }
      // Factus could not renew it now, or refused the platform's own client (a configuration problem, not the
      // connection's): the connection is left as it is, and a token still valid a little longer is better than none.
      console.error(
        JSON.stringify({
          level: "error",
          msg: "a Factus connection's token could not be renewed",
          connection: id,
          error: error instanceof Error ? error.name : "unknown",
        }),
      );
      const current = this.current;
      if (current && current.expiresAt - Date.now() > 5_000) return { ok: true, token: current };
      return { ok: false, reason: "unavailable" };
    }
    // Deleted or reauthorized while Factus answered: this grant is dropped (its refresh token dies unused).
    if (generation !== this.generation) return this.latest();
    await this.keep(id, grant);
    this.refreshedAt = Date.now();
    await this.ctx.storage.put("refreshes", (await this.refreshes()) + 1);
    return { ok: true, token: this.current! };
  }

  /** What the connection holds now, after an `open` or `forget` overtook a refresh. */
  private async latest(): Promise<ConnectionAnswer> {
    const token = this.current ?? (await this.stored());
    return token ? { ok: true, token } : { ok: false, reason: "gone" };
  }

  private async keep(id: string, grant: Grant) {
    const keys = await this.keys();
    const token = { accessToken: grant.access_token, expiresAt: Date.now() + grant.expires_in * 1000 };
    await this.ctx.storage.put({
      refresh: await seal(keys, grant.refresh_token, `${id}:refresh`),
      access: await seal(keys, token.accessToken, `${id}:access`),
      access_expires_at: token.expiresAt,
    });
    this.current = token;
  }

  private async stored(): Promise<ConnectionToken | undefined> {
    const [id, sealed, expiresAt] = await Promise.all([
      this.id(),
      this.ctx.storage.get<string>("access"),
      this.ctx.storage.get<number>("access_expires_at"),
    ]);
    if (!id || !sealed || !expiresAt) return undefined;
    this.current = { accessToken: await unseal(await this.keys(), sealed, `${id}:access`), expiresAt };
    return this.current;
  }
}
