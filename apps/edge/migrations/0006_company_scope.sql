-- One correction at a time per invoice (credit notes, annulments): a lease per Factus company and invoice, taken
-- before the invoice's balance is read and held until the note is issued, so two notes can never both pass the
-- balance check. A lease that outlives a crashed holder expires.
CREATE TABLE invoice_leases (
  lease_key TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);

-- The requests of pending documents belong to the Factus company (the NIT Factus answers for the caller's token)
-- and name the document they were answered with: /retry re-sends a request only onto that very document, in that
-- company. Older rows knew neither: they are dropped (their documents are still in Factus; the caller re-sends its
-- own request, as it could before this table existed).
DROP TABLE pending_requests;
CREATE TABLE pending_requests (
  company_nit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('invoices', 'credit-notes')),
  reference_code TEXT NOT NULL,
  document_number TEXT NOT NULL,
  user_id TEXT NOT NULL,
  request TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (company_nit, kind, reference_code)
);
