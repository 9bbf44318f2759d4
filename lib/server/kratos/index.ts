import "server-only";
// The one Kratos module: everything else in the app goes through these verbs, never the SDK.
export * from "@/lib/server/kratos/identities";
export * from "@/lib/server/kratos/sessions";
export * from "@/lib/server/kratos/auth";
export * from "@/lib/server/kratos/admin-ops";
export * from "@/lib/server/kratos/courier";
export * from "@/lib/server/kratos/schemas";
export { ADMIN_ROLE } from "@/lib/server/kratos/mappers";
export type { Identity as IdentityDto } from "@/lib/schemas/identity";
export { observeIdentities } from "@/lib/server/kratos/changes";
