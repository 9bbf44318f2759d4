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

export const createApiKeyBodySchema = z
  .object({
    keyType: keyTypeSchema,
    label: z.string().trim().min(1).max(100),
    // Requests per minute; omitted = unlimited.
    rateLimit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
export type CreateApiKeyBody = z.infer<typeof createApiKeyBodySchema>;

export const createdApiKeySchema = z.object({ key: apiKeySchema, secret: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
