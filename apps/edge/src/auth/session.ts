import type { LocalToken } from "@factus-edge/contracts";
import type { Config } from "../platform/config";
import { signJwt } from "./jwt";

/** Issues the local access token of a user. */
export async function issueLocalToken(
  config: Config,
  user: { id: string; email: string },
): Promise<LocalToken> {
  const now = Math.floor(Date.now() / 1000);
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
