import { z } from "zod";

export const dailyCountSchema = z.object({ date: z.string(), count: z.number().int() });
export type DailyCount = z.infer<typeof dailyCountSchema>;

export const kratosStatusSchema = z.object({
  mode: z.enum(["embedded", "external"]),
  public: z.enum(["up", "down"]),
  admin: z.enum(["up", "down"]),
  version: z.string().nullable(),
});
export type KratosStatus = z.infer<typeof kratosStatusSchema>;

/** GET /api/stats: overview figures, read from the identity index's exact counters (never a Kratos scan). */
export const statsSchema = z.object({
  /** False until the reconciler's first full pass over Kratos has finished: figures may still be growing. */
  ready: z.boolean(),
  /** A reconciler pass is running in this instance now. */
  refreshing: z.boolean(),
  /** When these figures were read (they are live counters). */
  computed_at: z.string(),
  /** When the last full reconciler pass finished (deletions made outside Truss show after it). */
  index_updated_at: z.string().nullable(),
  /** Why the last reconciler pass failed, if it did. */
  error: z.string().nullable(),
  users: z.object({ total: z.number(), active: z.number(), inactive: z.number(), admins: z.number() }),
  sign_ins: z.object({ last_30_days: z.number() }),
  signups_per_day: z.array(dailyCountSchema),
  sign_ins_per_day: z.array(dailyCountSchema),
  /** Sign-ins of the last 30 days by method: the provider id for social sign-in, else password, code, … */
  sign_ins_by_method: z.array(z.object({ method: z.string(), count: z.number().int() })),
  providers: z.array(z.object({ id: z.string(), linked_identities: z.number() })),
  kratos: kratosStatusSchema,
});
export type Stats = z.infer<typeof statsSchema>;
