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

/** GET /api/stats: overview figures, computed on the server and cached (see lib/server/stats.ts). */
export const statsSchema = z.object({
  ready: z.boolean(),
  refreshing: z.boolean(),
  computed_at: z.string().nullable(),
  scanned: z.number().int(),
  error: z.string().nullable(),
  users: z.object({ total: z.number(), active: z.number(), inactive: z.number(), admins: z.number() }),
  sessions: z.object({ active: z.number() }),
  signups_per_day: z.array(dailyCountSchema),
  sessions_per_day: z.array(dailyCountSchema),
  providers: z.array(z.object({ id: z.string(), linked_identities: z.number() })),
  kratos: kratosStatusSchema,
});
export type Stats = z.infer<typeof statsSchema>;
