import { z } from "zod";
import { itemErrorSchema } from "@/lib/schemas/error";
import { jsonObjectSchema, pageSchema, pageSizeSchema, pageTokenSchema } from "@/lib/schemas/common";
import { passwordNotEmail, passwordNotEmailIssue, passwordSchema } from "@/lib/schemas/password";

export const identityStateSchema = z.enum(["active", "inactive"]);
export type IdentityState = z.infer<typeof identityStateSchema>;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "must be a valid email address" }))
  .transform((e) => e.normalize("NFKC").toLowerCase());

export const nameSchema = z.string().trim().min(1).max(200);

export const schemaIdSchema = z.string().trim().min(1).max(256);

/** What the dashboard shows of a Kratos identity: no credentials config, no hashes, no OIDC tokens. */
export const identitySchema = z.object({
  id: z.uuid(),
  /** The first email the schema marks (identifier, verification or recovery address, or format email). */
  email: z.string().nullable(),
  /** The schema's name trait(s): `name`, or `name.first` + `name.last`. */
  name: z.string().nullable(),
  /** Always something a person recognises: the name, else the first identifier, else any string trait, else the id. */
  display_name: z.string(),
  /** The values that sign this user in, with their kind, in schema order. */
  identifiers: z.array(z.object({ kind: z.enum(["email", "phone", "username"]), value: z.string() })),
  state: identityStateSchema,
  is_admin: z.boolean(),
  schema_id: z.string(),
  traits: jsonObjectSchema,
  metadata_public: z.unknown().nullable(),
  credential_types: z.array(z.string()),
  providers: z.array(z.object({ provider: z.string(), subject: z.string() })),
  verifiable_addresses: z.array(
    z.object({ value: z.string(), via: z.string(), verified: z.boolean(), status: z.string() }),
  ),
  recovery_addresses: z.array(z.object({ value: z.string(), via: z.string() })),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  state_changed_at: z.string().nullable(),
  // Lists only: the latest sign-in the identity index knows of (Kratos's web hooks, else the reconciler's session pass).
  last_sign_in_at: z.string().nullable().optional(),
});
export type Identity = z.infer<typeof identitySchema>;

/** How the audit log names an identity: its email, else its display name (name, else first identifier, …). */
export const identityLabel = (i: Pick<Identity, "email" | "display_name">): string => i.email ?? i.display_name;

export const identityPageSchema = pageSchema(identitySchema);
export type IdentityPage = z.infer<typeof identityPageSchema>;

/** A list answered by the identity index: the exact match count, and how fresh the index is. */
export const indexedIdentityPageSchema = identityPageSchema.extend({
  total: z.number().int(),
  index: z.object({
    /** False until the reconciler's first full pass over Kratos has finished (the list may be missing identities). */
    ready: z.boolean(),
    /** When the last full reconciler pass finished. */
    updated_at: z.string().nullable(),
  }),
});
export type IndexedIdentityPage = z.infer<typeof indexedIdentityPageSchema>;

const queryBool = z.enum(["true", "false"]).transform((v) => v === "true");
export const identitySortSchema = z.enum(["created", "email", "name", "last_sign_in"]);

export const listIdentitiesQuerySchema = z
  .object({
    page_size: pageSizeSchema,
    page_token: pageTokenSchema.optional(),
    /** Words matched anywhere in identifiers, names and other string traits (every word must match). */
    q: z.string().trim().max(254).optional(),
    /** Deprecated alias of `q`. */
    search: z.string().trim().max(254).optional(),
    sort: identitySortSchema.default("created"),
    order: z.enum(["asc", "desc"]).default("desc"),
    state: identityStateSchema.optional(),
    schema_id: schemaIdSchema.optional(),
    provider: z.string().trim().min(1).max(64).optional(),
    admin: queryBool.optional(),
    verified: queryBool.optional(),
    /** Kratos-compatible exact lookup by a sign-in identifier, answered by Kratos itself (not the index). */
    credentials_identifier: z.string().trim().min(1).max(320).optional(),
  })
  .transform(({ search, ...q }) => ({ ...q, q: q.q || search || undefined }));
export type ListIdentitiesQuery = z.infer<typeof listIdentitiesQuerySchema>;
export type IndexListQuery = Omit<ListIdentitiesQuery, "credentials_identifier">;

/**
 * `traits` as the identity schema describes them (Kratos validates them and its reason comes back in the envelope);
 * `email` and `name` are shortcuts into the schema's email and name traits, for the common email schemas.
 */
export const createIdentityBodySchema = z
  .object({
    schema_id: schemaIdSchema.optional(),
    traits: jsonObjectSchema.optional(),
    email: emailSchema.optional(),
    password: passwordSchema.optional(),
    name: nameSchema.optional(),
    state: identityStateSchema.default("active"),
    metadata_public: jsonObjectSchema.optional(),
  })
  .strict()
  .refine((b) => b.traits !== undefined || b.email !== undefined, {
    message: "give traits (or, for an email schema, email)",
    path: ["traits"],
  })
  .refine(passwordNotEmail, passwordNotEmailIssue);
export type CreateIdentityBody = z.infer<typeof createIdentityBodySchema>;

/** `traits` replaces the identity's traits (as Kratos's PUT does); `email`/`name` then change one trait each. */
export const updateIdentityBodySchema = z
  .object({
    schema_id: schemaIdSchema.optional(),
    email: emailSchema.optional(),
    name: nameSchema.nullable().optional(),
    traits: jsonObjectSchema.optional(),
    metadata_public: jsonObjectSchema.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "nothing to update")
  .refine((b) => b.schema_id === undefined || b.traits !== undefined, {
    message: "changing the schema needs the traits for the new schema",
    path: ["traits"],
  });
export type UpdateIdentityBody = z.infer<typeof updateIdentityBodySchema>;

export const verifyAddressBodySchema = z.object({ address: z.string().trim().min(1).max(320) }).strict();

export const setStateBodySchema = z.object({ state: identityStateSchema }).strict();

export const resetPasswordBodySchema = z
  .object({ password: passwordSchema, revoke_sessions: z.boolean().default(true) })
  .strict();
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

export const recoveryBodySchema = z
  .object({
    method: z.enum(["code", "link"]).default("code"),
    expires_in: z
      .string()
      .regex(/^\d+(m|h)$/, "must look like 30m or 12h")
      .default("1h"),
  })
  .strict();
export const recoverySchema = z.object({
  method: z.enum(["code", "link"]),
  recovery_link: z.string(),
  recovery_code: z.string().nullable(),
  expires_at: z.string().nullable(),
});
export type Recovery = z.infer<typeof recoverySchema>;

export const bulkActionSchema = z.enum(["activate", "deactivate", "revoke_sessions", "delete"]);
export const bulkBodySchema = z.object({ action: bulkActionSchema, ids: z.array(z.uuid()).min(1).max(500) }).strict();
export type BulkBody = z.infer<typeof bulkBodySchema>;
export const itemResultSchema = z.object({
  id: z.string(),
  status: z.enum(["ok", "error"]),
  error: itemErrorSchema.optional(),
});
export const bulkResultSchema = z.object({
  action: bulkActionSchema,
  summary: z.object({ ok: z.number(), failed: z.number() }),
  results: z.array(itemResultSchema),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

/** POST …/identities/{id}/reset-password */
export const resetPasswordResultSchema = z.object({ identity: identitySchema, sessions_revoked: z.boolean() });
export type ResetPasswordResult = z.infer<typeof resetPasswordResultSchema>;
