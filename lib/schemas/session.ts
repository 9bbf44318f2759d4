import { z } from "zod";
import { pageSchema, pageSizeSchema, pageTokenSchema } from "@/lib/schemas/common";

export const deviceSchema = z.object({
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  location: z.string().nullable(),
});

/** A Kratos session as the dashboard shows it (never the token). */
export const sessionSchema = z.object({
  id: z.uuid(),
  identity_id: z.string().nullable(),
  identity_email: z.string().nullable(),
  /** The owner's display name (name, else first identifier): meaningful whatever the schema. */
  identity_label: z.string().nullable(),
  active: z.boolean(),
  aal: z.string().nullable(),
  methods: z.array(z.string()),
  authenticated_at: z.string().nullable(),
  issued_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  devices: z.array(deviceSchema),
  /** A dashboard admin's own session (signed in through Truss), not one of the app's. */
  via_dashboard: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionPageSchema = pageSchema(sessionSchema);
export type SessionPage = z.infer<typeof sessionPageSchema>;

export const listSessionsQuerySchema = z.object({
  page_size: pageSizeSchema,
  page_token: pageTokenSchema.optional(),
  identity_id: z.uuid().optional(),
  /** A user's email, username or phone instead of their id. */
  identity: z.string().trim().min(1).max(254).optional(),
});
export type ListSessionsQuery = z.infer<typeof listSessionsQuerySchema>;
