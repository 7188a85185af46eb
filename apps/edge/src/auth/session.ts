import type { LocalToken } from "@factus-edge/contracts/schemas/auth";
import type { Config } from "../platform/config";
import { signJwt } from "./jwt";

/**
 * Issues the local access token of a user. Its `iat` is later than the user's `tokens_valid_after`, which refuses
 * tokens issued at or before it: a login in the very second of a revocation would otherwise get a token refused on
 * arrival, so it is dated one second after (a second ahead of the clock at most, well within what verifyJwt
 * tolerates; nbf likewise).
 */
export async function issueLocalToken(
  config: Config,
  user: { id: string; email: string; tokens_valid_after: number },
): Promise<LocalToken> {
  const now = Math.max(Math.floor(Date.now() / 1000), user.tokens_valid_after + 1);
  const access_token = await signJwt(
    {
      sub: user.id,
      email: user.email,
      iat: now,
      nbf: now,
      exp: now + config.jwtTtlSeconds,
      iss: config.jwtIssuer,
      aud: config.jwtAudience,
      jti: crypto.randomUUID(),
    },
    config.jwtSecret,
  );
  return { access_token, token_type: "Bearer", expires_in: config.jwtTtlSeconds };
}
