-- A create whose Factus answer was lost keeps its key with outcome_unknown = 1 (not released): the next try with the
-- same key looks the document up in Factus before it ever sends again.
ALTER TABLE idempotency_keys ADD COLUMN outcome_unknown INTEGER NOT NULL DEFAULT 0;

-- The request of a document (invoice or credit note) DIAN has not answered yet (202 pending), so
-- POST /{invoices|credit-notes}/reference/{ref}/retry can re-send it as is, which is Factus' official retry.
-- Removed once the document is validated or deleted.
CREATE TABLE pending_requests (
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('invoices', 'credit-notes')),
  reference_code TEXT NOT NULL,
  request TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind, reference_code)
);
