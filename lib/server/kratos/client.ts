import "server-only";
import { Configuration, FrontendApi, IdentityApi } from "@ory/client";
import { env } from "@/lib/server/env";
import { kratosUrls } from "@/lib/server/kratos-runtime";
import { resilientAxios } from "@/lib/server/kratos/resilience";

export interface KratosClients {
  frontend: FrontendApi;
  identity: IdentityApi;
  /** Identity schemas are served on the public port (the admin port only redirects there). */
  schemas: IdentityApi;
  publicUrl: string;
  adminUrl: string;
}

// Held on globalThis: Next may load this module in several bundles (routes, pages, instrumentation), and there must be
// one client, one axios instance and so one circuit breaker per process, not one per bundle.
const registry = globalThis as { __trussKratosClients?: { key: string; clients: KratosClients } };

/**
 * The only place that builds SDK clients. Admin calls carry KRATOS_ADMIN_TOKEN as a Bearer token when set;
 * every call has an explicit timeout (Node would otherwise wait minutes on a hung Kratos).
 */
export async function kratos(): Promise<KratosClients> {
  const { publicUrl, adminUrl } = await kratosUrls();
  const key = `${publicUrl}|${adminUrl}`;
  const cached = registry.__trussKratosClients;
  if (cached?.key === key) return cached.clients;
  const e = env();
  const baseOptions = { timeout: e.KRATOS_TIMEOUT_MS, maxRedirects: 0 };
  const clients: KratosClients = {
    frontend: new FrontendApi(
      new Configuration({ basePath: publicUrl, baseOptions }),
      undefined,
      resilientAxios(e.KRATOS_TIMEOUT_MS),
    ),
    identity: new IdentityApi(
      new Configuration({ basePath: adminUrl, accessToken: e.KRATOS_ADMIN_TOKEN, baseOptions }),
      undefined,
      resilientAxios(e.KRATOS_TIMEOUT_MS),
    ),
    schemas: new IdentityApi(
      new Configuration({ basePath: publicUrl, baseOptions }),
      undefined,
      resilientAxios(e.KRATOS_TIMEOUT_MS),
    ),
    publicUrl,
    adminUrl,
  };
  registry.__trussKratosClients = { key, clients };
  return clients;
}
