/** What a local user may do: `admin` also reaches the account's administrative routes. */
export type Role = "user" | "admin";

/** A local user as stored in D1. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  disabled: number;
  role: Role;
  /** Tokens issued at or before this instant (seconds) are refused. */
  tokens_valid_after: number;
  /** Login throttles recorded before this instant (ms) no longer count (`user:unlock`). */
  login_unlocked_at: number;
}

const COLUMNS = "id, email, name, password_hash, disabled, role, tokens_valid_after, login_unlocked_at";

export function findUserByEmail(db: D1Database, email: string) {
  return db
    .prepare(`SELECT ${COLUMNS} FROM users WHERE email = ?1 COLLATE NOCASE`)
    .bind(email)
    .first<UserRow>();
}

export function findUserById(db: D1Database, id: string) {
  return db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?1`).bind(id).first<UserRow>();
}
