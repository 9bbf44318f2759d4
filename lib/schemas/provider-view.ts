import { z } from "zod";

/** GET /api/auth/providers item, as the dashboard reads it (tolerant: extra fields are ignored). */
export const providerViewSchema = z.object({
  id: z.string(),
  type: z.string().default("oidc"),
  label: z.string().default(""),
  status: z.enum(["ready", "incomplete", "misconfigured"]),
  missing: z.array(z.string()).default([]),
  errors: z.array(z.string()).default([]),
  scopes: z.array(z.string()).default([]),
  callback_url: z.string().nullable().default(null),
  linked_identities: z.number().default(0),
});
export type ProviderView = z.infer<typeof providerViewSchema>;
export const providerListSchema = z.object({ items: z.array(providerViewSchema) });

export const providerCheckSchema = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string().nullable().default(null) })),
});
export type ProviderCheck = z.infer<typeof providerCheckSchema>;

export const kratosConfigSchema = z.object({ yaml: z.string() });

/** Just enough of an OpenAPI 3.1 document to render the API reference. */
const schemaish = z.record(z.string(), z.unknown());
export const openApiOperationSchema = z.object({
  tags: z.array(z.string()).optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  operationId: z.string().optional(),
  parameters: z
    .array(
      z.object({
        name: z.string().optional(),
        in: z.string().optional(),
        required: z.boolean().optional(),
        description: z.string().optional(),
        schema: schemaish.optional(),
        $ref: z.string().optional(),
      }),
    )
    .optional(),
  requestBody: z.object({ content: z.record(z.string(), z.object({ schema: schemaish.optional() })).optional() }).optional(),
  responses: z.record(z.string(), z.object({ description: z.string().optional() }).passthrough()).optional(),
});
export type OpenApiOperation = z.infer<typeof openApiOperationSchema>;
export const openApiDocSchema = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string().optional(), version: z.string().optional(), description: z.string().optional() }).optional(),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), z.unknown()).optional() }).passthrough().optional(),
});
export type OpenApiDoc = z.infer<typeof openApiDocSchema>;
