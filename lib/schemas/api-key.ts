import { z } from "zod";

export const keyTypeSchema = z.enum(["service_role", "anon"]);
export type KeyType = z.infer<typeof keyTypeSchema>;

export const apiKeySchema = z.object({
  id: z.string(),
  key_type: keyTypeSchema,
  key_prefix: z.string(),
  label: z.string(),
  rate_limit: z.number().int().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/**
 * snake_case like the rest of the API. The camelCase spellings (keyType, rateLimit) still work for one release
 * and are deprecated: they are mapped here, so nothing past this schema sees them.
 */
export const createApiKeyBodySchema = z
  .object({
    key_type: keyTypeSchema.optional(),
    keyType: keyTypeSchema.optional(),
    label: z.string().trim().min(1).max(100),
    // Requests per minute; omitted = unlimited.
    rate_limit: z.number().int().min(1).max(100_000).optional(),
    rateLimit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((b) => (b.key_type ?? b.keyType) !== undefined, { message: "is required", path: ["key_type"] })
  .transform(
    ({ key_type, keyType, rate_limit, rateLimit, label }): { keyType: KeyType; label: string; rateLimit?: number } => {
      const limit = rate_limit ?? rateLimit;
      return { keyType: (key_type ?? keyType)!, label, ...(limit !== undefined ? { rateLimit: limit } : {}) };
    },
  );
export type CreateApiKeyBody = z.infer<typeof createApiKeyBodySchema>;
/** What a client sends (snake_case). */
export type CreateApiKeyInput = z.input<typeof createApiKeyBodySchema>;

export const createdApiKeySchema = z.object({ key: apiKeySchema, secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
