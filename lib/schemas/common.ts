import { z } from "zod";

export const uuidSchema = z.uuid({ message: "must be a UUID" });
export const idParamsSchema = z.object({ id: uuidSchema });
export type IdParams = z.infer<typeof idParamsSchema>;

/** Opaque cursor handed back by the list endpoints; never crafted by clients, only echoed. */
export const pageTokenSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_=\-.:%]+$/, "is not a valid page token");

export const pageSizeSchema = z.coerce.number().int().min(1).max(500).default(50);

export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), next_page_token: z.string().nullable() });
}

/** Any JSON object (metadata, traits). */
export const jsonObjectSchema = z.record(z.string(), z.unknown());
