import type { KratosDeps } from "../deps";
import type { SessionRecord } from "../store/types";

export type WebHookEvent = "registration" | "login" | "settings" | "recovery" | "verification";

/**
 * kratos.yml's `selfservice.flows.<flow>.after.hooks` web_hook, as Truss configures real Kratos: POST to `url`
 * with the secret in an api_key header, `response.ignore: true` (asynchronous; a failure is logged, never shown).
 */
export interface WebHookOptions {
  url: string;
  secret: string;
  /** Header carrying the secret; default X-Truss-Hook-Secret. */
  header?: string;
  /** Default 5000 ms. */
  timeoutMs?: number;
}

/** The body Truss's jsonnet template renders from Kratos's template context (Truss's lib/schemas/hook.ts). */
export interface WebHookBody {
  event: WebHookEvent;
  identity_id: string;
  flow_id: string | null;
  session: {
    id: string;
    authenticated_at: string;
    methods: { method: string; provider: string | null }[];
  } | null;
}

export interface WebHookSender {
  /** Starts the request and returns at once. */
  send(body: WebHookBody): void;
  /** Settles when every request started so far has finished (shutdown). */
  drain(): Promise<void>;
}

export function createWebHookSender(
  opts: WebHookOptions,
  log: (message: string) => void = (m) => console.warn(m),
): WebHookSender {
  const pending = new Set<Promise<void>>();
  const post = async (body: WebHookBody) => {
    const res = await fetch(opts.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", [opts.header ?? "X-Truss-Hook-Secret"]: opts.secret },
      body: JSON.stringify(body),
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
    await res.body?.cancel();
    if (res.status >= 300) throw new Error(`HTTP ${res.status}`);
  };
  return {
    send(body) {
      const p: Promise<void> = post(body)
        .catch((err: unknown) => {
          const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : err;
          log(`[embedded-kratos] web hook (${body.event}) to ${opts.url} failed, ignored: ${String(reason)}`);
        })
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    drain: async () => {
      await Promise.allSettled([...pending]);
    },
  };
}

/** After a flow completed: tells the configured web hook (if any) without waiting for it. */
export function notifyWebHook(
  deps: KratosDeps,
  event: WebHookEvent,
  identityId: string,
  flowId: string | null,
  session?: SessionRecord | null,
): void {
  deps.webHook?.send({
    event,
    identity_id: identityId,
    flow_id: flowId,
    session: session
      ? {
          id: session.id,
          authenticated_at: session.authenticatedAt,
          methods: session.methods.map((m) => ({ method: m.method, provider: null })),
        }
      : null,
  });
}
