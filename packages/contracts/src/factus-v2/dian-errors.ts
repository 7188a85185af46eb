import type { FactusV2DocumentErrors } from "./response-parts";

const RULE_PREFIX = /^\s*Regla:\s*([^,\s]+)\s*,\s*/;

/**
 * `errors` in either published shape → `"RULE: text"` strings, in the order given.
 * Object entries become `"FAJ44b: Notificación: …"` (a leading "Regla: FAJ44b, " that repeats the key is dropped);
 * array strings "Regla: NSAX04, Notificación: …" become `"NSAX04: Notificación: …"`; other strings stay as they are.
 */
export function normalizeV2Errors(errors: FactusV2DocumentErrors): string[] {
  if (!errors) return [];
  if (Array.isArray(errors))
    return errors.map((text) => {
      const match = RULE_PREFIX.exec(text);
      return match ? `${match[1]}: ${text.slice(match[0].length)}` : text;
    });
  return Object.entries(errors).flatMap(([rule, texts]) =>
    [texts].flat().map((text) => {
      const match = RULE_PREFIX.exec(text);
      return `${rule}: ${match?.[1] === rule ? text.slice(match[0].length) : text}`;
    }),
  );
}
