/** Bounded closed-loop load: `total` calls of `fn` spread over `concurrency` clients. */
export async function loadFn(
  fn: () => Promise<unknown>,
  opts: { total: number; concurrency: number },
): Promise<{ p50: number; p99: number; rps: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const client = async () => {
    while (issued < opts.total) {
      issued++;
      const t = performance.now();
      if ((await fn()) === false) errors++;
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  const wall = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0;
  return { p50: round(pct(0.5)), p99: round(pct(0.99)), rps: round(times.length / wall, 1), errors };
}

/** Bounded closed-loop load on 127.0.0.1: `total` requests spread over `concurrency` clients. */
export function load(
  url: string,
  init: RequestInit,
  opts: { total: number; concurrency: number },
): Promise<{ p50: number; p99: number; rps: number; errors: number }> {
  return loadFn(async () => {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return res.ok;
  }, opts);
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
