import "server-only";
import type { ProviderConfig } from "@/lib/providers-config";
import type { ProviderCheck } from "@/lib/schemas/provider";

type Check = ProviderCheck["checks"][number];

/**
 * Custom OIDC: fetch the issuer's discovery document (with a timeout) and check it is consistent.
 * Built-ins: check the settings' shape (Kratos knows their endpoints).
 */
export async function checkProvider(
  p: ProviderConfig,
  timeoutMs: number,
  callbackUrl?: string,
): Promise<ProviderCheck> {
  // One deadline for the whole check: it never takes longer than a Kratos call may.
  const deadline = Date.now() + timeoutMs;
  const checks: Check[] = [
    {
      name: "settings",
      ok: p.missing.length === 0 && p.errors.length === 0,
      detail: [...p.missing.map((m) => `missing ${m}`), ...p.errors].join("; ") || "all required settings present",
    },
  ];
  if (p.type === "generic") {
    const found = await discovery(p, timeoutMs);
    checks.push(...found.checks);
    if (found.authorizationEndpoint && callbackUrl)
      checks.push(
        await redirectCheck(p, found.authorizationEndpoint, callbackUrl, Math.max(100, deadline - Date.now())),
      );
  } else checks.push(shape(p));
  return { id: p.id, ok: checks.every((c) => c.ok), checks };
}

function shape(p: ProviderConfig): Check {
  const id = p.clientId ?? "";
  const rules: Partial<Record<ProviderConfig["type"], [RegExp, string]>> = {
    google: [/\.apps\.googleusercontent\.com$/, "Google client ids end with .apps.googleusercontent.com"],
    discord: [/^\d{17,20}$/, "Discord client ids are numeric"],
    microsoft: [/^[0-9a-f-]{36}$/i, "Microsoft application (client) ids are UUIDs"],
    github: [/^(Iv\d\.[0-9a-f]{16}|Ov[0-9A-Za-z]{18}|[0-9a-f]{20})$/, "GitHub client ids look like Iv1.… or Ov23…"],
    apple: [/^[\w.-]+$/, "Apple client ids are service ids such as com.example.web"],
  };
  const rule = rules[p.type];
  if (!id || !rule) return { name: "client id format", ok: !!id, detail: id ? "present" : "missing" };
  return { name: "client id format", ok: rule[0].test(id), detail: rule[0].test(id) ? "looks right" : rule[1] };
}

async function discovery(
  p: ProviderConfig,
  timeoutMs: number,
): Promise<{ checks: Check[]; authorizationEndpoint?: string }> {
  if (!p.issuerUrl) return { checks: [{ name: "discovery", ok: false, detail: "no issuer URL configured" }] };
  const url = `${p.issuerUrl}/.well-known/openid-configuration`;
  let doc: Record<string, unknown>;
  try {
    const res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
      headers: { accept: "application/json" },
    });
    if (!res.ok)
      return {
        checks: [{ name: "discovery", ok: false, detail: `the discovery document answered HTTP ${res.status}` }],
      };
    doc = (await res.json()) as Record<string, unknown>;
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return {
      checks: [
        {
          name: "discovery",
          ok: false,
          detail: timedOut ? `no answer within ${timeoutMs} ms` : "the issuer is unreachable or did not return JSON",
        },
      ],
    };
  }
  const issuer = typeof doc.issuer === "string" ? doc.issuer.replace(/\/+$/, "") : "";
  const endpoint = (k: string) => typeof doc[k] === "string" && /^https?:\/\//.test(doc[k]);
  const supported = Array.isArray(doc.scopes_supported) ? (doc.scopes_supported as unknown[]).map(String) : null;
  const unsupported = supported ? p.scopes.filter((s) => !supported.includes(s)) : [];
  const checks: Check[] = [
    { name: "discovery", ok: true, detail: "discovery document fetched" },
    {
      name: "issuer",
      ok: issuer === p.issuerUrl,
      detail: issuer === p.issuerUrl ? "matches" : `document says ${issuer || "(none)"}, configured ${p.issuerUrl}`,
    },
    {
      name: "endpoints",
      ok: endpoint("authorization_endpoint") && endpoint("token_endpoint"),
      detail:
        endpoint("authorization_endpoint") && endpoint("token_endpoint")
          ? "authorization and token endpoints present"
          : "authorization_endpoint or token_endpoint missing",
    },
    {
      name: "scopes",
      ok: unsupported.length === 0,
      detail: unsupported.length
        ? `not supported by the issuer: ${unsupported.join(", ")}`
        : supported
          ? "all requested scopes supported"
          : "issuer does not list scopes_supported",
    },
  ];
  const issuerOk = checks.every((c) => c.ok);
  return {
    checks,
    authorizationEndpoint: issuerOk ? (doc.authorization_endpoint as string) : undefined,
  };
}

/**
 * Asks the provider to start a sign-in for Truss's client with Kratos's callback URL, without following it: a
 * provider that does not know the callback (or the client) refuses right there, before any user would see it.
 */
async function redirectCheck(
  p: ProviderConfig,
  endpoint: string,
  callbackUrl: string,
  timeoutMs: number,
): Promise<Check> {
  const url = new URL(endpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", p.clientId ?? "");
  url.searchParams.set("redirect_uri", callbackUrl);
  url.searchParams.set("scope", p.scopes.join(" "));
  url.searchParams.set("state", "truss-provider-check");
  url.searchParams.set("nonce", "truss-provider-check");
  try {
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    if (res.status < 400) {
      await res.body?.cancel();
      return { name: "redirect URI", ok: true, detail: `the provider accepts ${callbackUrl}` };
    }
    const text = (await res.text()).toLowerCase();
    const detail = text.includes("redirect_uri")
      ? `the provider refuses the callback URL ${callbackUrl}: register it with the provider`
      : text.includes("client")
        ? "the provider does not accept this client id"
        : `the provider answered HTTP ${res.status} to a sign-in request`;
    return { name: "redirect URI", ok: false, detail };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return {
      name: "redirect URI",
      ok: false,
      detail: timedOut ? `no answer within ${timeoutMs} ms` : "the authorization endpoint is unreachable",
    };
  }
}
