/** The generated files' contents, by file name under src/generated/. */
export function generate(): Promise<Record<string, string>>;
