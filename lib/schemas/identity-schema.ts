import { z } from "zod";
import type { TraitField } from "@/lib/identity-schema";

const fieldSchema: z.ZodType<TraitField> = z
  .lazy(() =>
    z.object({
      path: z.string(),
      title: z.string(),
      type: z.enum(["string", "number", "integer", "boolean", "object", "array"]),
      format: z.string().optional(),
      enum: z.array(z.unknown()).optional(),
      required: z.boolean(),
      items: z.enum(["string", "number", "integer", "boolean", "object", "array"]).optional(),
      children: z.array(fieldSchema).optional(),
    }),
  )
  .meta({ id: "TraitField" });

/** One identity schema as Truss reads it (see lib/identity-schema.ts), with the raw JSON Schema Kratos serves. */
export const identitySchemaInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The schema users created by Truss get (KRATOS_IDENTITY_SCHEMA_ID). */
  is_default: z.boolean(),
  identifiers: z.array(
    z.object({
      path: z.string(),
      title: z.string(),
      kind: z.enum(["email", "phone", "username"]),
      credentials: z.array(z.string()),
    }),
  ),
  verification: z.array(z.object({ path: z.string(), via: z.string() })),
  recovery: z.array(z.object({ path: z.string(), via: z.string() })),
  name_from: z.array(z.string()),
  fields: z.array(fieldSchema),
  /** Users with this schema, from the overview's figures (null until they are first computed). */
  users: z.number().int().nullable(),
  schema: z.record(z.string(), z.unknown()),
});
export type IdentitySchemaInfo = z.infer<typeof identitySchemaInfoSchema>;

export const identitySchemaListSchema = z.object({ items: z.array(identitySchemaInfoSchema) });
export type IdentitySchemaList = z.infer<typeof identitySchemaListSchema>;

export const schemaParamsSchema = z.object({ id: z.string().min(1).max(256) });
