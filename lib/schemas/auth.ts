import { z } from "zod";
import { jsonObjectSchema } from "@/lib/schemas/common";
import { emailSchema, identitySchema, nameSchema } from "@/lib/schemas/identity";
import { passwordNotEmail, passwordNotEmailIssue, passwordSchema } from "@/lib/schemas/password";

const identifierSchema = z.string().trim().min(1).max(254);
/** `identifier` is whatever the schema signs in with (email, username, phone); `email` is its older name. */
export const loginBodySchema = z
  .object({
    identifier: identifierSchema.optional(),
    email: identifierSchema.optional(),
    password: z.string().min(1).max(1024),
    flow: z.uuid().optional(),
  })
  .strict()
  .refine((b) => !!(b.identifier ?? b.email), { message: "is required", path: ["identifier"] })
  .transform(({ identifier, email, ...rest }) => ({ ...rest, identifier: (identifier ?? email)! }));
export type LoginBody = z.infer<typeof loginBodySchema>;

export const oidcLoginBodySchema = z.object({ provider: z.string().trim().min(1).max(64) }).strict();
export type OidcLoginBody = z.infer<typeof oidcLoginBodySchema>;
export const oidcLoginStartSchema = z.object({ redirect_to: z.string() });
export const oidcCallbackQuerySchema = z.object({ code: z.string().max(512).optional() });

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
    /** For schemas without an email trait: the traits, as the default schema describes them. */
    traits: jsonObjectSchema.optional(),
    email: emailSchema.optional(),
    password: passwordSchema,
    name: nameSchema.optional(),
  })
  .strict()
  .refine((b) => b.traits !== undefined || b.email !== undefined, { message: "is required", path: ["email"] })
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
