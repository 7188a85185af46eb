import { ApiError } from "../../platform/errors";

/** The longest range of days a ledger read or sync takes at once: a year. */
export const MAX_DAYS = 366;

/** Refuses a range of Colombian days that runs backwards or spans more than a year, naming the fields as sent. */
export function checkDayRange(
  from: string,
  to: string,
  fields = { from: "query.created_from", to: "query.created_to" },
) {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0 || days > MAX_DAYS) {
    throw new ApiError("VALIDATION_FAILED", {
      details: [
        { path: fields.to, message: `Debe estar entre ${fields.from.slice(6)} y ${MAX_DAYS} días después` },
      ],
    });
  }
}
