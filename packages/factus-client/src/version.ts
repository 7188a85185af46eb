/** This package's version (package.json's; a test keeps the two equal). */
export const CLIENT_VERSION = "0.2.0";

/**
 * The `User-Agent` of every request, OAuth included. Factus' v2 hosts sit behind Cloudflare, which refuses a request
 * without one (403, error 1010), and a Worker's `fetch` sends none by default (SPEC §7).
 */
export const DEFAULT_USER_AGENT = `factus-edge-client/${CLIENT_VERSION}`;
