import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { EmbeddedSocialNotice } from "@/components/auth/social-notice";
import { SocialButtons } from "@/components/auth/social-buttons";
import { oidcProviders } from "@/lib/server/services/providers";
import { setupPending } from "@/lib/server/services/admins";
import { env, usesEmbeddedKratos } from "@/lib/server/env";
import { currentAdmin } from "@/lib/server/http/session";
import { safeNextPath } from "@/lib/utils";

export const metadata: Metadata = { title: "Sign in" };

// What /api/auth/login/oidc/callback reports back, in words.
const SOCIAL_ERRORS: Record<string, string> = {
  not_admin: "That account is not a dashboard admin. An admin can promote it on its user page.",
  oidc_failed: "The sign-in with the provider did not complete. Try again.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[] }>;
}) {
  const sp = await searchParams;
  const socialError = typeof sp.error === "string" ? SOCIAL_ERRORS[sp.error] : undefined;
  const providers = oidcProviders();
  const embedded = usesEmbeddedKratos();
  const next = typeof sp.next === "string" ? safeNextPath(sp.next) : "/";
  // Already signed in (or auth disabled): no reason to show the form.
  const session = await currentAdmin().catch(() => null);
  if (session && (session.admin || !env().TRUSS_AUTH_REQUIRED)) redirect(next);
  const pending = await setupPending().catch(() => false);
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-gray-600 dark:text-gray-400">Dashboard admins only.</p>
      {pending && (
        <p
          role="status"
          className="mb-5 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          No admin yet: use the setup link printed by the server, in the line that starts with{" "}
          <code className="break-all">[truss] No admin yet. Create the first one</code>. It is valid for one hour.
        </p>
      )}
      {socialError && (
        <p
          role="alert"
          className="mb-5 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {socialError}
        </p>
      )}
      <LoginForm next={next} />
      {providers.length > 0 && (
        <div className="mt-5 space-y-3 border-t border-gray-200 pt-5 dark:border-gray-700">
          {embedded ? (
            <EmbeddedSocialNotice what="Signing in with a provider" />
          ) : (
            <SocialButtons providers={providers} />
          )}
        </div>
      )}
    </>
  );
}
