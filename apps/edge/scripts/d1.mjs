// Small helpers around `wrangler d1` for the scripts, run from apps/edge.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "./password-hash.mjs";

export const edgeDir = fileURLToPath(new URL("..", import.meta.url));
/** wrangler's CLI: its package exports hide bin/, so it is found next to its package.json. */
export const wranglerBin = join(
  dirname(createRequire(import.meta.url).resolve("wrangler/package.json")),
  "bin",
  "wrangler.js",
);

/**
 * Runs wrangler in apps/edge; throws with its output when it fails.
 * @param {string[]} args
 * @param {{ persistTo?: string }} [options] local state directory other than .wrangler/state (the benchmark's)
 */
export function wrangler(args, options = {}) {
  if (options.persistTo) args = [...args, "--persist-to", options.persistTo];
  const result = spawnSync(process.execPath, [wranglerBin, ...args], {
    cwd: edgeDir,
    encoding: "utf8",
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0)
    throw new Error(`wrangler ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** `--env <name>` for a deployed environment's bindings (wrangler.jsonc `env`), when one is named. */
const envArgs = (/** @type {string | undefined} */ env) => (env ? ["--env", env] : []);

/** @param {string} value */
const sqlText = (value) => `'${value.replace(/'/g, "''")}'`;

/** The roles of users (migrations/0005_user_roles.sql). */
export const ROLES = /** @type {const} */ (["user", "admin"]);

/**
 * Inserts a user (or, with `ifMissing`, leaves an existing one untouched but for its role).
 * @param {{ email: string; password: string; name: string; role?: "user" | "admin"; remote?: boolean; ifMissing?: boolean; persistTo?: string; env?: string }} user
 */
export async function addUser({
  email,
  password,
  name,
  role = "user",
  remote = false,
  ifMissing = false,
  persistTo,
  env,
}) {
  if (!/^[^\s@'"]+@[^\s@'"]+\.[^\s@'"]+$/.test(email)) throw new Error(`Not an e-mail address: ${email}`);
  if (password.length < 12) throw new Error("Passwords need at least 12 characters");
  if (!ROLES.includes(role)) throw new Error(`Not a role: ${role} (${ROLES.join(" or ")})`);
  const hash = await hashPassword(password);
  const sql = `INSERT INTO users (id, email, name, password_hash, role) VALUES (${sqlText(randomUUID())}, ${sqlText(
    email.toLowerCase(),
  )}, ${sqlText(name)}, ${sqlText(hash)}, ${sqlText(role)})${
    ifMissing ? " ON CONFLICT (email) DO UPDATE SET role = excluded.role" : ""
  };`;
  wrangler(["d1", "execute", "DB", remote ? "--remote" : "--local", ...envArgs(env), "--command", sql], {
    persistTo,
  });
}

/**
 * Sets columns of the user with this e-mail (SQL expressions), or throws when there is none.
 * @param {string} email
 * @param {string[]} sets
 * @param {{ remote?: boolean; env?: string }} target
 */
function updateUser(email, sets, { remote = false, env }) {
  const sql = `UPDATE users SET ${[...sets, "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"].join(
    ", ",
  )} WHERE email = ${sqlText(email.toLowerCase())} COLLATE NOCASE; SELECT changes() AS changed;`;
  const output = wrangler([
    "d1",
    "execute",
    "DB",
    remote ? "--remote" : "--local",
    ...envArgs(env),
    "--json",
    "--command",
    sql,
  ]);
  if (!/"changed":\s*1/.test(output)) throw new Error(`No user with e-mail ${email}`);
}

/**
 * Changes a user: disables or enables it, sets a new password, and in every case refuses the tokens issued so far
 * (tokens_valid_after = now).
 * @param {{ email: string; disabled?: boolean; password?: string; remote?: boolean; env?: string }} change
 */
export async function changeUser({ email, disabled, password, remote = false, env }) {
  const sets = ["tokens_valid_after = CAST(strftime('%s', 'now') AS INTEGER)"];
  if (disabled !== undefined) sets.push(`disabled = ${disabled ? 1 : 0}`);
  if (password !== undefined) {
    if (password.length < 12) throw new Error("Passwords need at least 12 characters");
    sets.push(`password_hash = ${sqlText(await hashPassword(password))}`);
  }
  updateUser(email, sets, { remote, env });
}

/**
 * Gives a user a role. Its tokens stay valid: the role is read from D1 on each request, not carried in the token.
 * @param {{ email: string; role: string; remote?: boolean; env?: string }} change
 */
export function setRole({ email, role, remote = false, env }) {
  if (!ROLES.includes(/** @type {"user" | "admin"} */ (role)))
    throw new Error(`Not a role: ${role} (${ROLES.join(" or ")})`);
  updateUser(email, [`role = ${sqlText(role)}`], { remote, env });
}

/**
 * Clears a user's login throttles. They live in the RATE_LIMITER Durable Object, which a script cannot reach: this
 * stamps users.login_unlocked_at (ms, D1's clock) and the next login passes it to the throttles, which discard what
 * they recorded before it (src/auth/login-throttle.ts). Works the same on the local and the deployed D1.
 * @param {{ email: string; remote?: boolean; env?: string }} change
 */
export function unlockUser({ email, remote = false, env }) {
  updateUser(email, ["login_unlocked_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"], {
    remote,
    env,
  });
}
