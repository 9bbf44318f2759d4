// The differential contract suite drives both Kratos servers through the SDK Truss uses, like the
// *.test.ts contract tests do; only these types and constructors cross the @ory/client fence here.
import { Configuration, CourierApi, FrontendApi, IdentityApi } from "@ory/client";

/** One Kratos under comparison: its base URLs and the SDK clients pointed at them. */
export interface Target {
  name: "embedded" | "real";
  publicUrl: string;
  adminUrl: string;
  identity: IdentityApi;
  frontend: FrontendApi;
  courier: CourierApi;
}

export function makeTarget(name: Target["name"], publicUrl: string, adminUrl: string): Target {
  return {
    name,
    publicUrl,
    adminUrl,
    identity: new IdentityApi(new Configuration({ basePath: adminUrl })),
    frontend: new FrontendApi(new Configuration({ basePath: publicUrl })),
    courier: new CourierApi(new Configuration({ basePath: adminUrl })),
  };
}
