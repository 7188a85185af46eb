-- Every document a company issues through Factus, not only invoices and credit notes: debit notes (Factus v2),
-- support documents and their adjustment notes. SQLite cannot widen a CHECK in place: the two tables that name a
-- document's kind are rebuilt with every kind allowed, their rows, indexes and triggers kept.

CREATE TABLE document_jobs_new (
  company_nit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (
    'invoices', 'credit-notes', 'debit-notes', 'support-documents', 'adjustment-notes'
  )),
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
INSERT INTO document_jobs_new SELECT company_nit, kind, reference_code, document_number, user_id, connection_id,
  request, state, attempts, next_attempt_at, lease_until, last_error, created_at, updated_at FROM document_jobs;
DROP TABLE document_jobs;
ALTER TABLE document_jobs_new RENAME TO document_jobs;
CREATE INDEX document_jobs_due ON document_jobs (state, next_attempt_at);
CREATE INDEX document_jobs_by_number ON document_jobs (company_nit, kind, document_number);

CREATE TABLE ledger_documents_new (
  company_nit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (
    'invoice', 'credit_note', 'debit_note', 'support_document', 'adjustment_note'
  )),
  number TEXT NOT NULL,
  reference_code TEXT,
  -- CUFE of an invoice, CUDE of a note, CUDS of a support document.
  document_key TEXT,
  dian_status TEXT NOT NULL CHECK (dian_status IN ('validated', 'pending', 'rejected')),
  subtotal_cents INTEGER,
  tax_cents INTEGER,
  total_cents INTEGER NOT NULL,
  -- The customer; a support document's provider.
  customer_identification TEXT NOT NULL,
  customer_name TEXT,
  -- The invoice a credit or debit note corrects; the support document an adjustment note corrects.
  invoice_number TEXT,
  issue_date TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  validated_at INTEGER,
  deleted_at INTEGER,
  -- Who issued it: 'user:<id>' or 'key:<id>'; NULL for a document learnt from Factus (issued elsewhere).
  issued_by TEXT,
  batch_id TEXT,
  source TEXT NOT NULL CHECK (source IN ('gateway', 'factus')),
  -- Who made the last change: 'user:<id>', 'key:<id>', 'gateway' (its background work) or 'sync'.
  last_actor TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (company_nit, kind, number)
);
-- Copied before the triggers exist again: the history already holds these rows' statuses.
INSERT INTO ledger_documents_new SELECT company_nit, kind, number, reference_code, document_key, dian_status,
  subtotal_cents, tax_cents, total_cents, customer_identification, customer_name, invoice_number, issue_date,
  created_at, validated_at, deleted_at, issued_by, batch_id, source, last_actor, updated_at FROM ledger_documents;
DROP TABLE ledger_documents;
ALTER TABLE ledger_documents_new RENAME TO ledger_documents;
CREATE INDEX ledger_by_day ON ledger_documents (company_nit, issue_date);
CREATE INDEX ledger_by_reference ON ledger_documents (company_nit, kind, reference_code);
CREATE TRIGGER ledger_first_status AFTER INSERT ON ledger_documents BEGIN
  INSERT INTO ledger_status_changes VALUES (new.company_nit, new.kind, new.number, new.dian_status, new.last_actor,
    new.updated_at);
END;
CREATE TRIGGER ledger_status_change AFTER UPDATE OF dian_status ON ledger_documents
WHEN old.dian_status != new.dian_status BEGIN
  INSERT INTO ledger_status_changes VALUES (new.company_nit, new.kind, new.number, new.dian_status, new.last_actor,
    new.updated_at);
END;
