/// <reference types="@cloudflare/vitest-plugin/types" />
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SEED_RANGES } from "../src/store/schema";
import { Store } from "../src/store/store";

// An account stored before support documents (a documents table whose kind CHECK stops at debit_note, a bill range
// and a credit-note range only) migrates on its next start: its documents kept, the new kinds and ranges added.

const DEBIT_NOTE_ERA_DOCUMENTS = `CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('bill', 'credit_note', 'debit_note')),
  number TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, range_id INTEGER NOT NULL, reference_code TEXT NOT NULL,
  status INTEGER NOT NULL, request TEXT NOT NULL, totals TEXT NOT NULL, cufe TEXT NOT NULL, errors TEXT NOT NULL,
  created_at TEXT NOT NULL, validated_at TEXT, bill_id INTEGER,
  pending_resends INTEGER NOT NULL DEFAULT 0, final_verdict TEXT,
  UNIQUE (kind, reference_code)
)`;

describe("Store.migrate", () => {
  it("rebuilds a documents table from before support documents, keeping its rows, and adds their ranges", async () => {
    const stub = env.FACTUS.getByName(`migration-${crypto.randomUUID()}@empresa.test`);
    await runInDurableObject(stub, (_instance, state) => {
      const { sql } = state.storage;
      sql.exec("DROP TABLE documents");
      sql.exec(DEBIT_NOTE_ERA_DOCUMENTS);
      sql.exec("DELETE FROM ranges WHERE document IN ('24', '25')");
      sql.exec(
        `INSERT INTO documents (kind, number, prefix, range_id, reference_code, status, request, totals, cufe, errors,
           created_at, pending_resends, final_verdict)
         VALUES ('bill', 'SETP990000001', 'SETP', 4, 'OLD-1', 0, '{}', '{}', 'abc', '[]', '2026-01-01T00:00:00Z', 2,
           'rejected')`,
      );
      expect(() =>
        sql.exec(
          `INSERT INTO documents (kind, number, prefix, range_id, reference_code, status, request, totals, cufe,
             errors, created_at) VALUES ('support_document', 'SEDS1', 'SEDS', 7, 'X', 0, '{}', '{}', '', '[]', 'now')`,
        ),
      ).toThrow(/CHECK/);

      new Store(sql).migrate("2026-12-01T00:00:00.000Z", SEED_RANGES);

      const kept = sql.exec("SELECT number, pending_resends, final_verdict FROM documents").toArray();
      expect(kept).toEqual([{ number: "SETP990000001", pending_resends: 2, final_verdict: "rejected" }]);
      sql.exec(
        `INSERT INTO documents (kind, number, prefix, range_id, reference_code, status, request, totals, cufe, errors,
           created_at) VALUES ('adjustment_note', 'NA1', 'NA', 8, 'X', 0, '{}', '{}', '', '[]', 'now')`,
      );
      const ranges = sql.exec("SELECT id, document, prefix FROM ranges ORDER BY id").toArray();
      expect(ranges).toEqual([
        { id: 4, document: "21", prefix: "SETP" },
        { id: 5, document: "22", prefix: "NC" },
        { id: 7, document: "24", prefix: "SEDS" },
        { id: 8, document: "25", prefix: "NA" },
      ]);
      // Started again: nothing left to migrate, nothing seeded twice.
      new Store(sql).migrate("2026-12-02T00:00:00.000Z", SEED_RANGES);
      expect(sql.exec("SELECT COUNT(*) AS n FROM ranges").one()).toEqual({ n: 4 });
      expect(sql.exec("SELECT COUNT(*) AS n FROM documents").one()).toEqual({ n: 2 });
    });
  });
});
