import type { Target } from "./sdk";

/** A browser flow's start without recording it: the flow JSON and the cookies to send back. */
export async function browserInit(
  t: Target,
  kind: string,
  query = "",
): Promise<{
  flow: { id: string; ui: { nodes: { attributes: { name?: string; value?: unknown } }[] } };
  cookie: string;
  csrf: string;
}> {
  const res = await fetch(`${t.publicUrl}/self-service/${kind}/browser${query}`, {
    headers: { Accept: "application/json" },
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const flow = (await res.json()) as {
    id: string;
    ui: { nodes: { attributes: { name?: string; value?: unknown } }[] };
  };
  const value = flow.ui.nodes.find((n) => n.attributes.name === "csrf_token")?.attributes.value;
  const csrf = typeof value === "string" ? value : "";
  return { flow, cookie, csrf };
}

/** The six-digit code of the newest message to `recipient` (read from the admin courier API). */
export async function latestCode(t: Target, recipient: string): Promise<string> {
  const { data } = await t.courier.listCourierMessages({ recipient });
  return /\d{6}/.exec(data[0]?.subject ?? "")?.[0] ?? "";
}

/** Replaces the six-digit codes (random on each server) in the subjects and bodies of courier messages. */
export function maskCodes(body: unknown): unknown {
  // A code stands alone (a line, or code=…&): six digits inside a UUID or token ("a618-283945ec…") are not one.
  const mask = (s: unknown) => (typeof s === "string" ? s.replace(/(?<![\w-])\d{6}(?![\w-])/g, "<code>") : s);
  if (!Array.isArray(body)) return body;
  return (body as Record<string, unknown>[]).map((m) => ({ ...m, subject: mask(m.subject), body: mask(m.body) }));
}

type Node = { attributes: { name?: string }; messages: unknown[] };
type FlowBody = { state?: string; ui?: { messages?: unknown[]; nodes?: Node[] } };

/** What a failed submit tells the user: state, flow messages and the messages per node. */
export function formErrors(body: unknown): unknown {
  const b = body as FlowBody | null;
  if (!b?.ui) return body;
  return {
    state: b.state,
    messages: b.ui.messages ?? [],
    nodes: (b.ui.nodes ?? [])
      .filter((n) => n.messages.length > 0)
      .map((n) => ({ name: n.attributes.name, messages: n.messages })),
  };
}

/** The continue_with actions of a body (the token and flow ids are normalised anyway). */
export const actionsOf = (body: unknown): unknown =>
  ((body as { continue_with?: { action: string }[] } | null)?.continue_with ?? []).map((x) => x.action);

/** Signs up through the browser registration flow without recording it; returns the session cookie. */
export async function browserSession(t: Target, email: string, password: string): Promise<string> {
  const { flow, cookie, csrf } = await browserInit(t, "registration");
  const res = await fetch(`${t.publicUrl}/self-service/registration?flow=${flow.id}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Accept: "text/html", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ method: "password", "traits.email": email, password, csrf_token: csrf }).toString(),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("ory_kratos_session="));
  return [cookie, session].filter(Boolean).join("; ");
}
