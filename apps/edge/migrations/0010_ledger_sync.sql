-- The ledger sync (src/ledger/sync.ts): a backfill of the ledger from Factus' own lists, for documents issued
-- elsewhere or whose ledger write was lost after the answer. Run in the background by the company's Durable Object,
-- one Factus page per step, paced like a batch; its cursor (kind, page) is here, so a restart resumes it.
CREATE TABLE ledger_syncs (
  id TEXT PRIMARY KEY,
  company_nit TEXT NOT NULL,
  user_id TEXT NOT NULL,
  api_key_id TEXT,
  connection_id TEXT,
  date_from TEXT NOT NULL,
  date_to TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  -- The kind being walked and the next Factus page of it.
  kind TEXT NOT NULL,
  page INTEGER NOT NULL DEFAULT 1,
  pages_read INTEGER NOT NULL DEFAULT 0,
  found INTEGER NOT NULL DEFAULT 0,
  added INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE INDEX ledger_syncs_by_company ON ledger_syncs (company_nit, status, next_attempt_at);
