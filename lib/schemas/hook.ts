import { z } from "zod";

export const hookEventSchema = z.enum(["registration", "login", "settings", "recovery", "verification"]);

/**
 * What Kratos's web_hook actions post to Truss (the jsonnet body `npm run kratos:config` generates, and the embedded
 * Kratos sends the same). Only ids and times: Truss reads the identity itself from Kratos's admin API.
 */
export const kratosHookBodySchema = z
  .object({
    event: hookEventSchema,
    identity_id: z.uuid(),
    flow_id: z.string().max(64).nullish(),
    session: z
      .object({
        id: z.uuid(),
        authenticated_at: z
          .string()
          .max(64)
          .refine((v) => !Number.isNaN(Date.parse(v)), "must be a date and time")
          .nullish(),
        /** Kratos's authentication_methods: method, and the provider for social sign-in. */
        methods: z.array(z.object({ method: z.string().max(64), provider: z.string().max(64).nullish() })).max(16),
      })
      .nullish(),
  })
  .strip();
export type KratosHookBody = z.infer<typeof kratosHookBodySchema>;
