import { describe, expect, it } from "vitest";
import { ownBaseUrl } from "@/lib/server/kratos-runtime";

// Where the embedded Kratos's web hooks find this server (the bound address itself is e2e/api/hooks-bound-address).
describe("ownBaseUrl", () => {
  it("is loopback when the server listens on every address", () => {
    expect(ownBaseUrl("0.0.0.0", 8787)).toBe("http://127.0.0.1:8787");
    expect(ownBaseUrl("::", 8787)).toBe("http://127.0.0.1:8787");
    expect(ownBaseUrl("[::]", 8787)).toBe("http://127.0.0.1:8787");
  });
  it("is the one address the server is bound to, IPv6 in brackets", () => {
    expect(ownBaseUrl("127.0.0.1", 8787)).toBe("http://127.0.0.1:8787");
    expect(ownBaseUrl("10.0.0.5", 9000)).toBe("http://10.0.0.5:9000");
    expect(ownBaseUrl("::1", 8787)).toBe("http://[::1]:8787");
    expect(ownBaseUrl("[fd00::5]", 8787)).toBe("http://[fd00::5]:8787");
    expect(ownBaseUrl("truss.internal", 8787)).toBe("http://truss.internal:8787");
  });
});
