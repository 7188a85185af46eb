/** The user `pnpm dev` creates in the local D1 (and the browser tests log in as). */
export const DEMO_USER = { email: "demo@factus.local", password: "demo-password-123", name: "Usuario demo" };
