-- The ledger: every document the gateway issues or learns about (src/ledger), the audit trail of who issued what and
-- the source of exports. Amounts are exact integer cents (sums never drift); issue_date is the Colombian day.
CREATE TABLE ledger_documents (
  company_nit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  number TEXT NOT NULL,
  reference_code TEXT,
  -- CUFE of an invoice, CUDE of a note.
  document_key TEXT,
  dian_status TEXT NOT NULL CHECK (dian_status IN ('validated', 'pending', 'rejected')),
  subtotal_cents INTEGER,
  tax_cents INTEGER,
  total_cents INTEGER NOT NULL,
  customer_identification TEXT NOT NULL,
  customer_name TEXT,
  -- The invoice a credit note corrects.
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
CREATE INDEX ledger_by_day ON ledger_documents (company_nit, issue_date);
CREATE INDEX ledger_by_reference ON ledger_documents (company_nit, kind, reference_code);

-- Every DIAN status a document went through, with who (or what) saw it change. Written by triggers, so no path that
-- writes the ledger can forget it.
CREATE TABLE ledger_status_changes (
  company_nit TEXT NOT NULL,
  kind TEXT NOT NULL,
  number TEXT NOT NULL,
  dian_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX ledger_status_changes_by_document ON ledger_status_changes (company_nit, kind, number, at);
CREATE TRIGGER ledger_first_status AFTER INSERT ON ledger_documents BEGIN
  INSERT INTO ledger_status_changes VALUES (new.company_nit, new.kind, new.number, new.dian_status, new.last_actor,
    new.updated_at);
END;
CREATE TRIGGER ledger_status_change AFTER UPDATE OF dian_status ON ledger_documents
WHEN old.dian_status != new.dian_status BEGIN
  INSERT INTO ledger_status_changes VALUES (new.company_nit, new.kind, new.number, new.dian_status, new.last_actor,
    new.updated_at);
END;

-- Month-end batches (src/batches): accepted invoices are issued in the background, paced per Factus account.
CREATE TABLE invoice_batches (
  id TEXT PRIMARY KEY,
  company_nit TEXT NOT NULL,
  user_id TEXT NOT NULL,
  api_key_id TEXT,
  connection_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'cancelled')),
  fingerprint TEXT NOT NULL,
  total INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE INDEX invoice_batches_by_company ON invoice_batches (company_nit, status);

CREATE TABLE invoice_batch_items (
  batch_id TEXT NOT NULL REFERENCES invoice_batches (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  reference_code TEXT NOT NULL,
  request TEXT,
  status TEXT NOT NULL CHECK (status IN (
    'queued', 'issuing', 'validated', 'pending', 'rejected', 'refused', 'failed', 'cancelled'
  )),
  number TEXT,
  cufe TEXT,
  errors TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (batch_id, idx)
);
CREATE INDEX invoice_batch_items_by_status ON invoice_batch_items (batch_id, status, next_attempt_at);
CREATE INDEX invoice_batch_items_by_reference ON invoice_batch_items (reference_code);
