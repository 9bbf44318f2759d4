import { z } from "zod";

export const uuidSchema = z.uuid({ message: "must be a UUID" });
export const idParamsSchema = z.object({ id: uuidSchema });
export type IdParams = z.infer<typeof idParamsSchema>;

/** Opaque cursor handed back by the list endpoints; never crafted by clients, only echoed. */
export const pageTokenSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_=\-.:%]+$/, "is not a valid page token");

// Query values arrive as strings; clients may pass numbers (the input type says both).
export const pageSizeSchema = z.coerce.number<string | number>().int().min(1).max(500).default(50);

export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), next_page_token: z.string().nullable() });
}

export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a JSON value, measured without recursion (so a hostile 5,000-level value cannot overflow). */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    max = Math.max(max, d + 1);
    if (max > stopAt) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Any JSON object (metadata, traits), at most MAX_JSON_DEPTH levels deep. */
export const jsonObjectSchema = z
  .record(z.string(), z.unknown())
  .refine(
    (v) => jsonDepth(v, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH,
    `must be nested at most ${MAX_JSON_DEPTH} levels deep`,
  );
