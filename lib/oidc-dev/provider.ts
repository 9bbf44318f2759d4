import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/*
 * A local OpenID Connect provider for development and tests: `oidc-provider` (OpenID-certified) with its built-in
 * development login and consent pages. Any login name signs in; the claims are made from it (see claimsFor).
 * Loopback only; never a production identity provider.
 */

export interface DevOidcOptions {
  port?: number;
  clientId?: string;
  clientSecret?: string;
  /**
   * Where the provider may send users back: Kratos's callback URL(s). A function is read at the first request, for
   * when Kratos starts after the provider (Kratos needs the issuer URL, the provider needs Kratos's callback).
   */
  redirectUris: string[] | (() => string[]);
}

export interface DevOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** `ada` → ada@oidc.test, "Ada Tester"; a login that is already an address keeps it. Emails are verified. */
export function claimsFor(login: string) {
  const local = login.includes("@") ? login.slice(0, login.indexOf("@")) : login;
  const given = local.charAt(0).toUpperCase() + local.slice(1);
  return {
    sub: login,
    email: login.includes("@") ? login : `${login}@oidc.test`,
    email_verified: true,
    given_name: given,
    family_name: "Tester",
    name: `${given} Tester`,
  };
}

export async function startDevOidcProvider(opts: DevOidcOptions): Promise<DevOidc> {
  const clientId = opts.clientId ?? "truss-dev";
  const clientSecret = opts.clientSecret ?? "truss-dev-secret-0123456789";
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const make = () =>
    new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: typeof opts.redirectUris === "function" ? opts.redirectUris() : opts.redirectUris,
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      claims: {
        openid: ["sub"],
        email: ["email", "email_verified"],
        profile: ["name", "given_name", "family_name"],
      },
      // Kratos reads claims from the ID token (claims_source defaults to id_token): put the scopes' claims there.
      conformIdTokenClaims: false,
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => claimsFor(sub) }),
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ["truss-dev-oidc-cookie-key"] },
      // Short-lived, memory-only: nothing here outlives the process.
      ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, IdToken: 600, AccessToken: 600 },
    });
  let handler: ReturnType<Provider["callback"]> | undefined;
  server.on("request", (req, res) => {
    handler ??= make().callback();
    void handler(req, res);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
