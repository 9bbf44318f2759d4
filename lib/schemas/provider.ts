import { z } from "zod";

export const providerTypeSchema = z.enum(["google", "github", "discord", "apple", "microsoft", "generic"]);
export type ProviderType = z.infer<typeof providerTypeSchema>;

const checkItemsSchema = z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() }));

export const providerCheckSchema = z.object({ id: z.string(), ok: z.boolean(), checks: checkItemsSchema });
export type ProviderCheck = z.infer<typeof providerCheckSchema>;

/** The newest check of a provider, from the audit log: who ran it, when, and its verdict. */
export const lastCheckSchema = z.object({
  ok: z.boolean(),
  at: z.string(),
  by: z.string().nullable(),
  checks: checkItemsSchema,
});
export type LastCheck = z.infer<typeof lastCheckSchema>;

/** A configured social login provider as the dashboard shows it: public fields only, never secrets. */
export const providerSchema = z.object({
  id: z.string(),
  type: providerTypeSchema,
  label: z.string(),
  status: z.enum(["ready", "incomplete", "misconfigured"]),
  missing: z.array(z.string()),
  errors: z.array(z.string()),
  scopes: z.array(z.string()),
  issuer_url: z.string().nullable(),
  callback_url: z.string(),
  linked_identities: z.number().int().nullable(),
  last_check: lastCheckSchema.nullable(),
});
export type Provider = z.infer<typeof providerSchema>;
export const providerListSchema = z.object({ items: z.array(providerSchema), errors: z.array(z.string()) });

export const providerParamsSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "is not a provider id"),
});
export const unlinkParamsSchema = z.object({ id: z.uuid(), provider: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/) });
export type UnlinkParams = z.infer<typeof unlinkParamsSchema>;

/** GET /api/auth/providers/kratos-config: the Kratos OIDC block, as YAML and as Kratos's env-var form. */
export const kratosConfigSchema = z.object({ yaml: z.string(), env: z.string() });
export type KratosConfig = z.infer<typeof kratosConfigSchema>;
