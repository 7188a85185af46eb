-- The gateway owns every document DIAN left pending, and every create whose outcome stayed unknown: a job per
-- document (src/completion) re-sends it as Factus recommends and reconciles it by reference until DIAN's verdict.
-- It replaces pending_requests, whose rows (requests kept for /retry) become scheduled jobs.
CREATE TABLE document_jobs (
  company_nit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('invoices', 'credit-notes')),
  reference_code TEXT NOT NULL,
  -- NULL while the outcome is unknown (Factus could not be asked whether it holds the document).
  document_number TEXT,
  user_id TEXT NOT NULL,
  -- The stored connection the request came through, if any: the job acts with it first.
  connection_id TEXT,
  request TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN (
    'scheduled', 'needs_token', 'validated', 'rejected', 'already_processed', 'superseded', 'not_issued', 'deleted',
    'expired'
  )),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  -- A re-send holds the document until then (the job, or a caller's /retry): two never run at once.
  lease_until INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (company_nit, kind, reference_code)
);
CREATE INDEX document_jobs_due ON document_jobs (state, next_attempt_at);
CREATE INDEX document_jobs_by_number ON document_jobs (company_nit, kind, document_number);

INSERT INTO document_jobs (company_nit, kind, reference_code, document_number, user_id, request, state, attempts,
  next_attempt_at, created_at, updated_at)
SELECT company_nit, kind, reference_code, document_number, user_id, request, 'scheduled', 0, created_at, created_at,
  created_at
FROM pending_requests;
DROP TABLE pending_requests;

-- A company's caller token, sealed (AES-GCM, FACTUS_CONNECTION_KEYS), kept only while a job of the company needs a
-- credential and has no stored connection to act with; dropped when Factus refuses it or nothing needs it.
CREATE TABLE company_tokens (
  company_nit TEXT PRIMARY KEY,
  sealed_token TEXT NOT NULL,
  stored_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

-- Where a company's systems are told what happened to its documents (Standard Webhooks). The secret is sealed: it
-- must be read back to sign. During a rotation the previous secret still signs until previous_until.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  company_nit TEXT NOT NULL,
  user_id TEXT NOT NULL,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  sealed_secret TEXT NOT NULL,
  sealed_previous_secret TEXT,
  previous_until INTEGER,
  enabled INTEGER NOT NULL DEFAULT 1,
  disabled_reason TEXT,
  failing_since INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_by_company ON webhook_endpoints (company_nit);

-- One message to one endpoint: its id is the stable webhook-id of every attempt, its body is signed as stored.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  company_nit TEXT NOT NULL,
  event_type TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at);
