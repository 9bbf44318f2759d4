import { z } from "zod";
import { itemErrorSchema } from "@/lib/schemas/error";
import { jsonObjectSchema } from "@/lib/schemas/common";
import { emailSchema, identityStateSchema, nameSchema, schemaIdSchema } from "@/lib/schemas/identity";
import { passwordNotEmail, passwordNotEmailIssue, passwordSchema } from "@/lib/schemas/password";

export const MAX_IMPORT_ROWS = 500;

// Hash formats Kratos can import (kratos-api.md §8), detected by prefix.
const HASH_PREFIX =
  /^(\$2[abyz]?\$|\$argon2id?\$|\$pbkdf2-sha(1|256|512)\$|\$scrypt\$|\$firescrypt\$|\{SSHA(256|512)?\}|\$sha(1|256|512)\$|\$md5\$|\$md5-crypt\$|\$sha(256|512)-crypt\$|\$hmac-)/;

export const importRowSchema = z
  .object({
    schema_id: schemaIdSchema.optional(),
    /** As the schema describes them; CSV columns `traits.name.first` etc. are folded into this object. */
    traits: jsonObjectSchema.optional(),
    email: emailSchema.optional(),
    password: passwordSchema.optional(),
    password_hash: z.string().max(1024).regex(HASH_PREFIX, "is not a hash format Kratos can import").optional(),
    name: nameSchema.optional(),
    state: identityStateSchema.default("active"),
    // Social links to keep (Kratos stores them as `<provider>:<subject>` OIDC credentials).
    providers: z
      .array(
        z
          .object({ provider: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), subject: z.string().min(1).max(255) })
          .strict(),
      )
      .max(10)
      .optional(),
  })
  .strict()
  .refine((r) => r.traits !== undefined || r.email !== undefined, {
    message: "give traits (or traits.* columns), or email for an email schema",
    path: ["traits"],
  })
  .refine((r) => !(r.password && r.password_hash), {
    message: "give either password or password_hash, not both",
    path: ["password"],
  })
  .refine(passwordNotEmail, passwordNotEmailIssue);
export type ImportRow = z.infer<typeof importRowSchema>;

/** Structure only; rows are validated one by one so one bad row does not sink the others. */
export const importBodySchema = z
  .object({
    users: z
      .array(z.record(z.string(), z.unknown()))
      .min(1, "must contain at least one user")
      .max(MAX_IMPORT_ROWS, `at most ${MAX_IMPORT_ROWS} users per call`),
  })
  .strict();
export type ImportBody = z.infer<typeof importBodySchema>;

export const importQuerySchema = z.object({
  dry_run: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

export const importResultSchema = z.object({
  index: z.number().int(),
  email: z.string().nullable(),
  /** The row's first sign-in identifier (email, username or phone), as the schema reads it. */
  identifier: z.string().nullable(),
  status: z.enum(["created", "valid", "error"]),
  id: z.string().optional(),
  error: itemErrorSchema.optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importResponseSchema = z.object({
  dry_run: z.boolean(),
  summary: z.object({ total: z.number(), created: z.number(), valid: z.number(), failed: z.number() }),
  results: z.array(importResultSchema),
});
export type ImportResponse = z.infer<typeof importResponseSchema>;
