import { Configuration, FrontendApi, IdentityApi } from "@ory/client";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedKratos, type EmbeddedKratos, type EmbeddedKratosOptions } from "@/lib/embedded-kratos";

/** A running instance on random ports with SDK clients, for contract tests. */
export interface TestKratos {
  kratos: EmbeddedKratos;
  frontend: FrontendApi;
  identity: IdentityApi;
  dataDir: string;
  /** Mutable clock offset in ms, applied to the injected `now`. */
  clock: { offsetMs: number };
  stop(): Promise<void>;
}

export async function startTestKratos(opts: EmbeddedKratosOptions = {}): Promise<TestKratos> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "embedded-kratos-"));
  const clock = { offsetMs: 0 };
  const kratos = await startEmbeddedKratos({
    publicPort: 0,
    adminPort: 0,
    bcryptCost: 4,
    unknownIdentifierDelayMs: [0, 0],
    now: () => new Date(Date.now() + clock.offsetMs),
    ...opts,
    dataDir,
  });
  return {
    kratos,
    frontend: new FrontendApi(new Configuration({ basePath: kratos.publicUrl })),
    identity: new IdentityApi(new Configuration({ basePath: kratos.adminUrl })),
    dataDir,
    clock,
    stop: async () => {
      await kratos.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Awaits an SDK call expected to fail and returns the error response. */
/** The union of what failing Kratos responses carry: an error envelope or a flow. */
export interface ErrorBody {
  error: {
    id?: string;
    code: number;
    status: string;
    reason?: string;
    message: string;
    details?: Record<string, unknown>;
  };
  id: string;
  ui: { messages?: { id: number; text: string }[]; nodes: { attributes: { value?: string }; messages: unknown[] }[] };
  since?: number;
  use_flow_id?: string;
  expired_at?: string;
  redirect_browser_to?: string;
}

export interface ErrorResponse {
  status: number;
  data: ErrorBody;
  headers: Record<string, string | undefined>;
}

export async function failure(p: Promise<unknown>): Promise<ErrorResponse> {
  try {
    await p;
  } catch (err) {
    const res = (err as { response?: ErrorResponse }).response;
    if (res) return res;
    throw err;
  }
  throw new Error("expected the request to fail");
}

/** Unique e-mail per call. */
export const uniqueEmail = (prefix = "user"): string => `${prefix}-${randomUUID().slice(0, 12)}@example.com`;
