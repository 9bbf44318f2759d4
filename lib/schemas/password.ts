import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/schemas/common-passwords";

/**
 * Truss's password policy: Kratos's admin API deliberately applies none, so we do it before any write.
 * 8–64 characters, at most 72 UTF-8 bytes (bcrypt's limit), not the email, not a common password.
 */
export const passwordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(64, "must be at most 64 characters")
  .refine((p) => new TextEncoder().encode(p).length <= 72, "must be at most 72 bytes (bcrypt limit)")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "is too common; choose a less guessable password");

/** Adds the "not equal to the email (or any other string trait, such as a username)" rule. */
export function passwordNotEmail(v: { email?: string; password?: string; traits?: unknown }): boolean {
  if (!v.password) return true;
  const p = v.password.trim().toLowerCase();
  return ![v.email, ...stringLeaves(v.traits)].some((x) => typeof x === "string" && x.trim().toLowerCase() === p);
}

function stringLeaves(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(stringLeaves);
  if (v && typeof v === "object") return Object.values(v).flatMap(stringLeaves);
  return [];
}
export const passwordNotEmailIssue = {
  message: "must not be the same as the email or another identifier",
  path: ["password"],
};
