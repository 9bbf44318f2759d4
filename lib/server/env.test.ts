import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/server/env";

describe("env", () => {
  it("defaults to auth required and the embedded Kratos", () => {
    const e = envSchema.parse({});
    expect(e.TRUSS_AUTH_REQUIRED).toBe(true);
    expect(e.KRATOS_PUBLIC_URL).toBeUndefined();
    expect(e.PORT).toBe(8787);
    expect(e.EMBEDDED_KRATOS_BCRYPT_COST).toBe(12);
  });

  it("fails closed: only true or false in lower case, anything else refuses to start", () => {
    expect(envSchema.parse({ TRUSS_AUTH_REQUIRED: "true" }).TRUSS_AUTH_REQUIRED).toBe(true);
    expect(envSchema.parse({ TRUSS_AUTH_REQUIRED: "false" }).TRUSS_AUTH_REQUIRED).toBe(false);
    for (const v of ["", "no", "0", "FALSE", "False", "false ", "yes", "TRUE"])
      expect(envSchema.safeParse({ TRUSS_AUTH_REQUIRED: v }).success, v).toBe(false);
  });

  it("rejects bad values by name", () => {
    const r = envSchema.safeParse({ KRATOS_PUBLIC_URL: "not a url", TRUSS_SESSION_SECRET: "short" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["KRATOS_PUBLIC_URL", "TRUSS_SESSION_SECRET"]) as unknown);
    expect(envSchema.safeParse({ KRATOS_PUBLIC_URL: "http://k:4433" }).success).toBe(false); // admin URL missing
  });
});

describe("one rule per variable", () => {
  it("the server's env and the edge-safe shared config agree (idle minutes, secrets, auth flag)", async () => {
    const { sharedEnvShape } = await import("@/lib/shared-config");
    const { z } = await import("zod");
    const shared = z.object(sharedEnvShape);
    for (const bad of [
      { TRUSS_SESSION_IDLE_MINUTES: "0" },
      { TRUSS_SESSION_IDLE_MINUTES: "abc" },
      { TRUSS_SESSION_SECRET: "short" },
      { TRUSS_AUTH_REQUIRED: "yes" },
    ]) {
      expect(envSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(shared.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("EMBEDDED_KRATOS_SESSION_LIFESPAN and KRATOS_IDENTITY_SCHEMA_FILE are read by the server too (not only npm run kratos)", () => {
    expect(envSchema.parse({ EMBEDDED_KRATOS_SESSION_LIFESPAN: "2h" }).EMBEDDED_KRATOS_SESSION_LIFESPAN).toBe("2h");
    expect(envSchema.safeParse({ EMBEDDED_KRATOS_SESSION_LIFESPAN: "forever" }).success).toBe(false);
    expect(envSchema.parse({ KRATOS_IDENTITY_SCHEMA_FILE: "./schema.json" }).KRATOS_IDENTITY_SCHEMA_FILE).toBe(
      "./schema.json",
    );
  });
});
