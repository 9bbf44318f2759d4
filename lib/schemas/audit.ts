import { z } from "zod";
import { pageSizeSchema } from "@/lib/schemas/common";

/**
 * `partial` is for a request over many items (a bulk action, an import) where some items failed: the request's
 * entry keeps the counts, and each item has its own entry (success or failure) pointing back to it by `parent_id`.
 */
export const auditOutcomeSchema = z.enum(["success", "failure", "partial"]);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor_type: z.enum(["admin", "api_key", "anonymous", "system"]),
  actor_id: z.string().nullable(),
  actor_label: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: auditOutcomeSchema,
  details: z.record(z.string(), z.unknown()).nullable(),
  /** The bulk action or import this entry is one item of (that entry's id); null for a request of its own. */
  parent_id: z.number().nullable(),
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
  /** The items of one bulk action or import: its entry's id. */
  parent: z.string().regex(/^\d+$/, "is not an audit entry id").optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
