import "server-only";
import { activeAdminIds, ensureBootstrapAdmin, issueSetupToken } from "@/lib/server/admins";
import { env } from "@/lib/server/env";
import { kratosUrls } from "@/lib/server/kratos-runtime";

export async function boot(): Promise<void> {
  const e = env();
  const { publicUrl, embedded } = await kratosUrls();
  console.log(`[truss] Kratos: ${embedded ? "embedded" : "external"} (public ${publicUrl})`);
  if (!e.TRUSS_AUTH_REQUIRED)
    console.warn("[truss] WARNING: TRUSS_AUTH_REQUIRED=false: the dashboard and /api/auth/* need no login. Never do this in production.");
  const bootstrap = await ensureBootstrapAdmin();
  if (bootstrap !== "skipped") console.log(`[truss] admin ${e.TRUSS_ADMIN_EMAIL}: ${bootstrap}`);
  if ((await activeAdminIds()).length === 0) {
    const base = e.TRUSS_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
    console.log(`[truss] No admin yet. Create the first one (single-use link): ${base}/setup?token=${await issueSetupToken()}`);
  }
}
