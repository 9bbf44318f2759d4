import "server-only";
import axios, { type AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from "axios";

/*
 * One axios instance under every SDK client:
 * - idempotent calls (GET/HEAD/DELETE) are retried at most twice on connect errors, 429/502/503/504,
 *   with capped, fully jittered backoff; creates, batch imports and logins are never retried blindly;
 * - a circuit breaker fails fast (503 upstream_unavailable) for 10 s after 5 consecutive unreachable answers,
 *   so a dead Kratos costs each request nothing instead of a timeout.
 */
const RETRYABLE_METHODS = new Set(["get", "head", "delete"]);
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const MAX_RETRIES = 2;
const OPEN_AFTER = 5;
const OPEN_FOR_MS = 10_000;

interface Breaker {
  failures: number;
  openUntil: number;
}

export class CircuitOpenError extends Error {
  readonly isAxiosError = true;
  readonly code = "ECIRCUITOPEN";
}

function unreachable(err: AxiosError): boolean {
  return !err.response && err.code !== "ECONNABORTED" && err.code !== "ETIMEDOUT";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function resilientAxios(timeoutMs: number, now: () => number = Date.now): AxiosInstance {
  const instance = axios.create({ timeout: timeoutMs, maxRedirects: 0 });
  const breaker: Breaker = { failures: 0, openUntil: 0 };
  instance.interceptors.request.use((config) => {
    if (breaker.openUntil > now()) throw new CircuitOpenError("Kratos circuit is open");
    return config;
  });
  instance.interceptors.response.use(
    (res) => {
      breaker.failures = 0;
      return res;
    },
    async (err: unknown) => {
      if (!axios.isAxiosError(err) || !err.config) throw err;
      if (unreachable(err) && ++breaker.failures >= OPEN_AFTER) breaker.openUntil = now() + OPEN_FOR_MS;
      const config = err.config as InternalAxiosRequestConfig & { retries?: number };
      const retries = config.retries ?? 0;
      const retryable =
        RETRYABLE_METHODS.has((config.method ?? "get").toLowerCase()) &&
        (unreachable(err) || RETRYABLE_STATUS.has(err.response?.status ?? 0)) &&
        retries < MAX_RETRIES &&
        breaker.openUntil <= now();
      if (!retryable) throw err;
      await sleep(Math.random() * Math.min(1000, 100 * 2 ** retries));
      return instance.request({ ...config, retries: retries + 1 } as InternalAxiosRequestConfig);
    },
  );
  return instance;
}
