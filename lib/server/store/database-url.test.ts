import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/server/env";

describe("DATABASE_URL", () => {
  it("accepts postgres:// and postgresql:// URLs, treats empty as unset, refuses anything else", () => {
    const parse = (v: string | undefined) => envSchema.safeParse({ DATABASE_URL: v });
    expect(parse("postgres://truss:pw@db:5432/truss").data?.DATABASE_URL).toBe("postgres://truss:pw@db:5432/truss");
    expect(parse("postgresql://db/truss").success).toBe(true);
    expect(parse("").data?.DATABASE_URL).toBeUndefined();
    expect(parse(undefined).data?.DATABASE_URL).toBeUndefined();
    for (const bad of ["mysql://db/truss", "sqlite:./x.db", "db:5432"]) {
      const r = parse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["DATABASE_URL"]);
    }
  });
});
