import type { Case } from "./case";
import { emailFor, seedIdentity } from "./helpers";
import type { Recorder } from "./recorder";
import type { Target } from "./sdk";

type Op = { op: string; path: string; value?: unknown; from?: string };

/** Seeds one identity, applies a JSON Patch (as the SDK sends it) and records the answer. */
function patchCase(name: string, ops: Op[] | ((id: string) => Op[])): Case {
  return {
    name: `patchIdentity: ${name}`,
    run: async (t: Target, r: Recorder) => {
      const id = await seedIdentity(t, emailFor(`patch-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`));
      const jsonPatch = (typeof ops === "function" ? ops(id) : ops) as never;
      await r.sdk("patch", t.identity.patchIdentity({ id, jsonPatch }));
    },
  };
}

/** JSON Patch semantics, deny-list, and credential removal (unlink). */
export const patchCases: Case[] = [
  patchCase("add metadata_admin and replace a trait", [
    { op: "add", path: "/metadata_admin", value: { roles: ["admin"] } },
    { op: "add", path: "/traits/name", value: { first: "Grace" } },
  ]),
  patchCase("add under a missing parent", [{ op: "add", path: "/metadata_public/deep/key", value: 1 }]),
  patchCase("replace a missing path", [{ op: "replace", path: "/metadata_public/x", value: 1 }]),
  patchCase("remove a missing path", [{ op: "remove", path: "/metadata_public/x" }]),
  patchCase("move", [
    { op: "add", path: "/metadata_public", value: { a: 1 } },
    { op: "move", from: "/metadata_public/a", path: "/metadata_public/b" },
  ]),
  patchCase("copy", [
    { op: "add", path: "/metadata_public", value: { a: 1 } },
    { op: "copy", from: "/metadata_public/a", path: "/metadata_public/b" },
  ]),
  patchCase("test (passing)", [{ op: "test", path: "/state", value: "active" }]),
  patchCase("test (failing)", [{ op: "test", path: "/state", value: "inactive" }]),
  patchCase("unknown op", [{ op: "frobnicate", path: "/state", value: 1 }]),
  patchCase("denied /credentials", [{ op: "add", path: "/credentials", value: {} }]),
  patchCase("denied /id", [{ op: "replace", path: "/id", value: "00000000-0000-4000-8000-000000000005" }]),
  patchCase("hashed_password is stored verbatim", [
    {
      op: "add",
      path: "/credentials/password/config/hashed_password",
      value: "$2a$04$abcdefghijklmnopqrstuuVbFqMP0I3Q8iw7gBe0HUK8D5a0hGpRC",
    },
  ]),
  patchCase("invalid state", [{ op: "replace", path: "/state", value: "paused" }]),
  patchCase("deactivate", [{ op: "replace", path: "/state", value: "inactive" }]),
  patchCase("verify the address", [
    { op: "replace", path: "/verifiable_addresses/0/verified", value: true },
    { op: "replace", path: "/verifiable_addresses/0/status", value: "completed" },
  ]),
  patchCase("invalid trait", [{ op: "replace", path: "/traits/email", value: 5 }]),
  {
    name: "patchIdentity: unknown identity, empty body, object body",
    run: async (t, r) => {
      await r.sdk("unknown", t.identity.patchIdentity({ id: "00000000-0000-4000-8000-000000000006", jsonPatch: [] }));
      const id = await seedIdentity(t, emailFor("patch-bodies"));
      await r.http("empty", "PATCH", `admin:/admin/identities/${id}`, {
        headers: { "Content-Type": "application/json" },
      });
      await r.http("object", "PATCH", `admin:/admin/identities/${id}`, { json: { op: "add" } });
    },
  },
  {
    name: "deleteIdentityCredentials: oidc unlink (known, unknown identifier, missing identifier)",
    run: async (t, r) => {
      const providers = [
        { provider: "google", subject: "u-1" },
        { provider: "github", subject: "u-2" },
      ];
      const id = await seedIdentity(t, emailFor("unlink"), { oidc: providers });
      await r.sdk(
        "unknown identifier",
        t.identity.deleteIdentityCredentials({ id, type: "oidc", identifier: "google:nobody" }),
      );
      await r.sdk("missing identifier", t.identity.deleteIdentityCredentials({ id, type: "oidc" }));
      await r.sdk("known", t.identity.deleteIdentityCredentials({ id, type: "oidc", identifier: "google:u-1" }));
      await r.sdk("get", t.identity.getIdentity({ id, includeCredential: ["oidc"] }));
    },
  },
  {
    name: "deleteIdentityCredentials: last first factor, password, absent type, unknown identity",
    run: async (t, r) => {
      const only = await seedIdentity(t, emailFor("unlink-last"), {
        password: null,
        oidc: [{ provider: "google", subject: "last" }],
      });
      await r.sdk(
        "last oidc",
        t.identity.deleteIdentityCredentials({ id: only, type: "oidc", identifier: "google:last" }),
      );
      const pw = await seedIdentity(t, emailFor("unlink-pw"), { oidc: [{ provider: "google", subject: "pw" }] });
      await r.sdk("password", t.identity.deleteIdentityCredentials({ id: pw, type: "password" }));
      await r.sdk("get", t.identity.getIdentity({ id: pw, includeCredential: ["password"] }));
      await r.sdk("absent totp", t.identity.deleteIdentityCredentials({ id: pw, type: "totp" }));
      await r.sdk(
        "unknown identity",
        t.identity.deleteIdentityCredentials({ id: "00000000-0000-4000-8000-000000000007", type: "password" }),
      );
    },
  },
];
