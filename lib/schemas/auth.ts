import { z } from "zod";
import { emailSchema, identitySchema, nameSchema } from "@/lib/schemas/identity";
import { passwordNotEmail, passwordNotEmailIssue, passwordSchema } from "@/lib/schemas/password";

export const loginBodySchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(1024),
    flow: z.uuid().optional(),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

export const loginFlowSchema = z.object({ flow_id: z.string(), expires_at: z.string() });
export type LoginFlow = z.infer<typeof loginFlowSchema>;

export const sessionInfoSchema = z.object({
  auth_required: z.boolean(),
  admin: identitySchema.nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const setupBodySchema = z
  .object({
    token: z.string().min(10).max(200),
    email: emailSchema,
    password: passwordSchema,
    name: nameSchema.optional(),
  })
  .strict()
  .refine(passwordNotEmail, passwordNotEmailIssue);
export type SetupBody = z.infer<typeof setupBodySchema>;

export const reauthBodySchema = z.object({ password: z.string().min(1).max(1024) }).strict();
export type ReauthBody = z.infer<typeof reauthBodySchema>;

export const reauthResultSchema = z.object({ reauthenticated_at: z.string() });
export type ReauthResult = z.infer<typeof reauthResultSchema>;

/** GET /api/health (no auth). */
export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  auth_required: z.boolean(),
  kratos: z.object({
    mode: z.enum(["embedded", "external"]),
    public: z.enum(["up", "down"]),
    admin: z.enum(["up", "down"]),
    version: z.string().nullable(),
  }),
});
export type Health = z.infer<typeof healthSchema>;
