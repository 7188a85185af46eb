const NIT_WEIGHTS = [71, 67, 59, 53, 47, 43, 41, 37, 29, 23, 19, 17, 13, 7, 3] as const;

/**
 * DIAN check digit (DV) of a NIT: left-pad to 15 digits, weight, sum mod 11; r when r < 2, else 11 − r.
 * @throws RangeError when `nit` is not 1 to 15 digits.
 * @example nitCheckDigit("900123456") // 8
 */
export function nitCheckDigit(nit: string): number {
  if (!/^\d{1,15}$/.test(nit)) throw new RangeError(`A NIT is 1 to 15 digits, got "${nit}"`);
  const digits = nit.padStart(15, "0");
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += Number(digits[i]) * NIT_WEIGHTS[i]!;
  const remainder = sum % 11;
  return remainder < 2 ? remainder : 11 - remainder;
}
