/** Where the embedded Kratos cannot do what a provider needs: said plainly, with the way to a real Kratos. */
export function EmbeddedSocialNotice({ what }: { what: string }) {
  return (
    <p
      role="note"
      className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      {what} needs a real Ory Kratos: the embedded server does not speak OpenID Connect. Start one with{" "}
      <code>npm run kratos:real</code>, set <code>KRATOS_PUBLIC_URL</code> and <code>KRATOS_ADMIN_URL</code> to the URLs
      it prints, and restart (README, “Social sign-in”; <code>npm run oidc:dev</code> gives you a local provider to
      try).
    </p>
  );
}
