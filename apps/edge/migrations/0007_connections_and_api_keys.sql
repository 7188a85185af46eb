-- Server-to-server access (README, "From a server: API keys").
--
-- A Factus connection: a user's stored access to one Factus account. What it holds to act (the rotating refresh
-- token, and the current access token) lives encrypted in the connection's own Durable Object, never here; this row
-- says whose it is, which company Factus answered for it, and whether Factus still accepts it.
CREATE TABLE factus_connections (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  company_nit TEXT NOT NULL,
  company_name TEXT NOT NULL,
  api_version TEXT NOT NULL CHECK (api_version IN ('v1', 'v2')),
  status TEXT NOT NULL CHECK (status IN ('active', 'needs_reauth')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX factus_connections_by_user ON factus_connections (user_id);

-- An API key: only its SHA-256 is kept (a key carries 192 random bits, so a fast hash is enough: there is nothing to
-- guess), with a short prefix to recognize it by. Revoked keys stay, marked, so a list can say when.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  connection_id TEXT NOT NULL REFERENCES factus_connections (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_keys_by_user ON api_keys (user_id);
