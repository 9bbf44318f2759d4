import { z } from "zod";

/*
 * The variables middleware and the session cookie need, parsed here and only here (edge-safe: zod, no Node
 * APIs). lib/server/env.ts extends this schema, so each variable has exactly one rule everywhere.
 */
export const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ""));

export const sharedEnvShape = {
  // Fail closed, and no guessing: "true" or "false" in lower case; unset means true.
  TRUSS_AUTH_REQUIRED: z
    .enum(["true", "false"], { error: 'must be "true" or "false" (lower case)' })
    .optional()
    .transform((v) => v !== "false"),
  // "new,old,…": the first seals cookies, all of them unseal (rotation without signing everyone out).
  TRUSS_SESSION_SECRET: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || v.split(",").every((s) => s.trim().length >= 32),
      "each comma-separated secret must be at least 32 characters",
    ),
  TRUSS_DATA_DIR: z.string().default("./.data"),
  TRUSS_PUBLIC_URL: url.optional(),
  TRUSS_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  TRUSS_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  NODE_ENV: z.string().optional(),
};
const sharedEnvSchema = z.object(sharedEnvShape);
export type SharedEnv = z.infer<typeof sharedEnvSchema>;

let cached: SharedEnv | undefined;

/** Parsed once. A bad value throws here too; the server has already refused to start on it (env.ts). */
export function sharedEnv(): SharedEnv {
  return (cached ??= sharedEnvSchema.parse(process.env));
}
