import { isAxiosError, type AxiosResponse } from "axios";
import type { Target } from "./sdk";

/** What one request looked like: status, the headers that matter, and the parsed body. */
export interface Observation {
  step: string;
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

type HeaderBag = Record<string, unknown>;

function pickHeaders(get: (name: string) => string | undefined, setCookies: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ["content-type", "location", "link", "x-total-count"]) {
    const v = get(name);
    if (v) out[name] = v;
  }
  // Kratos's CSRF cookie name ends in a hash of the base URL, which differs per server.
  const names = setCookies
    .map((c) => (c.split("=")[0]?.trim() ?? "").replace(/^csrf_token_[0-9a-f]{64}$/, "csrf_token_<hash>"))
    .filter(Boolean)
    .sort();
  if (names.length > 0) out["set-cookie"] = names.join(",");
  return out;
}

/** Collects the observations of one case on one target. */
export class Recorder {
  readonly observations: Observation[] = [];

  constructor(readonly target: Target) {}

  /** Records an SDK call (2xx or not) and returns its data on success, undefined otherwise. */
  async sdk<T>(
    step: string,
    call: Promise<AxiosResponse<T>>,
    project?: (body: unknown) => unknown,
  ): Promise<T | undefined> {
    let res: AxiosResponse<unknown>;
    let ok = true;
    try {
      res = await call;
    } catch (err) {
      if (!isAxiosError(err) || !err.response) throw err;
      res = err.response;
      ok = false;
    }
    const h = res.headers as HeaderBag;
    const get = (n: string) =>
      typeof h[n] === "string" ? h[n] : h[n] === undefined ? undefined : JSON.stringify(h[n]);
    const cookies = Array.isArray(h["set-cookie"]) ? (h["set-cookie"] as string[]) : [];
    const body = res.data === "" ? null : res.data;
    this.observations.push({
      step,
      status: res.status,
      headers: pickHeaders(get, cookies),
      body: project ? project(body) : body,
    });
    return ok ? (res.data as T) : undefined;
  }

  /** Records a plain HTTP call; `url` is relative to the admin ("admin:/…") or public ("/…") base. */
  async http(
    step: string,
    method: string,
    url: string,
    init: {
      json?: unknown;
      form?: Record<string, string>;
      headers?: Record<string, string>;
      project?: (body: unknown) => unknown;
    } = {},
  ): Promise<{ status: number; body: unknown }> {
    const full = url.startsWith("admin:") ? this.target.adminUrl + url.slice(6) : this.target.publicUrl + url;
    const headers: Record<string, string> = { Accept: "application/json", ...init.headers };
    let body: string | undefined;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers["Content-Type"] ??= "application/json";
    } else if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers["Content-Type"] ??= "application/x-www-form-urlencoded";
    }
    const res = await fetch(full, { method, headers, body, redirect: "manual" });
    const text = await res.text();
    let parsed: unknown = text === "" ? null : text;
    try {
      parsed = text === "" ? null : (JSON.parse(text) as unknown);
    } catch {
      /* keep the text */
    }
    const get = (n: string) => res.headers.get(n) ?? undefined;
    this.observations.push({
      step,
      status: res.status,
      headers: pickHeaders(get, res.headers.getSetCookie()),
      body: init.project ? init.project(parsed) : parsed,
    });
    return { status: res.status, body: parsed };
  }

  /** Records a value the case computed itself (e.g. a duration, a count). */
  note(step: string, body: unknown): void {
    this.observations.push({ step, body });
  }
}
