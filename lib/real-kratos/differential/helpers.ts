import type { Target } from "./sdk";

export const PASSWORD = "Diff-pass-for-tests-1";

/** A case-specific address, identical on both targets (each has its own database). */
export const emailFor = (slug: string, n = 0): string => `${slug}${n ? `-${n}` : ""}@diff.test`;

/** Creates an identity without recording it (setup, not under comparison). */
export async function seedIdentity(
  t: Target,
  email: string,
  extra: {
    password?: string | null;
    hashed?: string;
    state?: "active" | "inactive";
    oidc?: { provider: string; subject: string }[];
  } = {},
): Promise<string> {
  const password = extra.password === undefined ? PASSWORD : extra.password;
  const credentials: Record<string, unknown> = {};
  if (extra.hashed) credentials.password = { config: { hashed_password: extra.hashed } };
  else if (password) credentials.password = { config: { password } };
  if (extra.oidc) credentials.oidc = { config: { providers: extra.oidc } };
  const { data } = await t.identity.createIdentity({
    createIdentityBody: { schema_id: "default", traits: { email }, state: extra.state, credentials },
  });
  return data.id;
}

/** Signs in through an API flow without recording it; returns the session token and id. */
export async function seedLogin(
  t: Target,
  email: string,
  password = PASSWORD,
): Promise<{ token: string; sessionId: string }> {
  const { data: flow } = await t.frontend.createNativeLoginFlow({});
  const { data } = await t.frontend.updateLoginFlow({
    flow: flow.id,
    updateLoginFlowBody: { method: "password", identifier: email, password },
  });
  return { token: data.session_token ?? "", sessionId: data.session.id };
}

/** Sorts an array body by a key so id-ordered lists compare across servers with random ids. */
export function sortedBy(key: (item: Record<string, unknown>) => string) {
  return (body: unknown): unknown =>
    Array.isArray(body) ? [...(body as Record<string, unknown>[])].sort((a, b) => key(a).localeCompare(key(b))) : body;
}

export const byEmail = sortedBy((i) => String((i.traits as { email?: string } | undefined)?.email ?? ""));

/** Keeps only the list items that belong to this case (global lists hold every case's data). */
export function only(ids: string[]) {
  return (body: unknown): unknown =>
    Array.isArray(body)
      ? body.filter((x: { id?: string; identity?: { id?: string } | null }) =>
          ids.includes(x.identity?.id ?? x.id ?? ""),
        )
      : body;
}
