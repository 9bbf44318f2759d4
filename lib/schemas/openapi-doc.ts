import { z } from "zod";

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
  requestBody: z
    .object({ content: z.record(z.string(), z.object({ schema: schemaish.optional() })).optional() })
    .optional(),
  responses: z.record(z.string(), z.object({ description: z.string().optional() }).passthrough()).optional(),
});
export type OpenApiOperation = z.infer<typeof openApiOperationSchema>;
export const openApiDocSchema = z.object({
  openapi: z.string(),
  info: z
    .object({ title: z.string().optional(), version: z.string().optional(), description: z.string().optional() })
    .optional(),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z
    .object({ schemas: z.record(z.string(), z.unknown()).optional() })
    .passthrough()
    .optional(),
});
export type OpenApiDoc = z.infer<typeof openApiDocSchema>;
