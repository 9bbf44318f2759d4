import { Configuration, FrontendApi, IdentityApi } from "@ory/client";
import type { Harness } from "@/lib/testing/harness";

/** Direct SDK access to the harness's Kratos, for seeding end users and logging them in (tests only). */
export function sdk(h: Harness) {
  return {
    frontend: new FrontendApi(new Configuration({ basePath: h.kratos.publicUrl })),
    identity: new IdentityApi(new Configuration({ basePath: h.kratos.adminUrl })),
  };
}

let n = 0;
export function email(tag = "user"): string {
  return `${tag}-${Date.now().toString(36)}-${n++}@example.test`;
}

/** Logs an end user in through a native flow and returns the session token. */
export async function userLogin(h: Harness, identifier: string, password: string): Promise<string> {
  const { frontend } = sdk(h);
  const flow = (await frontend.createNativeLoginFlow()).data;
  const res = await frontend.updateLoginFlow({
    flow: flow.id,
    updateLoginFlowBody: { method: "password", identifier, password },
  });
  return res.data.session_token!;
}

export async function whoamiStatus(h: Harness, token: string): Promise<number> {
  const r = await fetch(`${h.kratos.publicUrl}/sessions/whoami`, { headers: { "X-Session-Token": token } });
  return r.status;
}
