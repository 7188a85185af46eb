import type { FactusNumberingRange, NumberingRange } from "@factus-edge/contracts";

/** Factus' range → the public one (`document` as Factus names it, `is_active` a boolean). */
export const numberingRange = (range: FactusNumberingRange): NumberingRange => ({
  id: range.id,
  document: range.document_name ?? range.document,
  prefix: range.prefix,
  from: range.from,
  to: range.to,
  current: range.current,
  resolution_number: range.resolution_number,
  start_date: range.start_date,
  end_date: range.end_date,
  technical_key: range.technical_key,
  is_expired: range.is_expired,
  is_active: range.is_active === 1,
});
