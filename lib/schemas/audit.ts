import { z } from "zod";
import { pageSizeSchema } from "@/lib/schemas/common";

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor_type: z.enum(["admin", "api_key", "anonymous", "system"]),
  actor_id: z.string().nullable(),
  actor_label: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.enum(["success", "failure"]),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), next_page_token: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

export const listAuditQuerySchema = z.object({
  page_size: pageSizeSchema,
  page_token: z.string().regex(/^\d+$/, "is not a valid page token").optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  target: z.string().trim().min(1).max(200).optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
