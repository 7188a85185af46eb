/**
 * The user `pnpm dev` creates in the local D1 (and the browser tests log in as): an admin, so the README's steps reach
 * the administrative routes too.
 */
export const DEMO_USER = /** @type {const} */ ({
  email: "demo@factus.local",
  password: "demo-password-123",
  name: "Usuario demo",
  role: "admin",
});
