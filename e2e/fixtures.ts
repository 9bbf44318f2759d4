import { randomUUID } from "node:crypto";

export const ADMIN = { email: "admin@e2e.test", password: "e2e-Admin-pass-9x" };

/** A unique email per test so specs never depend on each other's leftovers. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${randomUUID().slice(0, 8)}@e2e.test`;
}

/** Every dashboard page (signed in); the axe, CSP and no-secrets checks walk the same list. */
export const DASHBOARD_PAGES = [
  "/",
  "/users",
  "/schemas",
  "/sessions",
  "/providers",
  "/settings/api-keys",
  "/audit",
  "/messages",
  "/docs/api",
];
