/**
 * A minimal browser for HTTP-level flow tests: one cookie jar for every loopback server (cookies ignore ports, as
 * browsers do), manual redirects so each hop can be inspected, and the forms of oidc-provider's development pages.
 */
export class TestBrowser {
  private jar = new Map<string, string>();

  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(15_000) });
    this.keep(res);
    return res;
  }

  /**
   * GETs `url` and follows redirects until a page answers or the next hop leaves the given origins (returned
   * unvisited). Each hop's URL is recorded.
   */
  async follow(url: string, origins: string[], hops: string[] = []): Promise<{ res: Response | null; url: string }> {
    let current = url;
    for (let i = 0; i < 20; i++) {
      if (!origins.some((o) => current.startsWith(o))) return { res: null, url: current };
      hops.push(current);
      const res = await this.fetch(current, { headers: { accept: "text/html,application/json" } });
      const loc = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !loc) return { res, url: current };
      current = new URL(loc, current).toString();
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the first form of an HTML page with its hidden inputs plus `fields`; returns the response. */
  async submitForm(pageUrl: string, html: string, fields: Record<string, string>): Promise<Response> {
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`no form on ${pageUrl}`);
    const body = new URLSearchParams();
    for (const m of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
      const name = /name="([^"]+)"/.exec(m[0])?.[1];
      const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
      if (name) body.set(name, value);
    }
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return this.fetch(new URL(form[1]!.replace(/&amp;/g, "&"), pageUrl).toString(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
  }
}

/**
 * Walks oidc-provider's development pages from the authorization URL: signs in as `login`, consents, and returns the
 * URL the provider sends the browser back to (Kratos's callback), without visiting it.
 */
export async function providerRoundTrip(
  b: TestBrowser,
  authUrl: string,
  issuer: string,
  login: string,
): Promise<string> {
  let next = authUrl;
  for (let step = 0; step < 6; step++) {
    const { res, url } = await b.follow(next, [issuer]);
    if (!res) return url; // left the provider: the callback
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status} at ${url}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const posted = await b.submitForm(url, html, prompt === "login" ? { login, password: "any" } : {});
    const loc = posted.headers.get("location");
    if (!loc) throw new Error(`the ${prompt ?? "?"} form did not redirect (${posted.status})`);
    next = new URL(loc, url).toString();
  }
  throw new Error("the provider never sent the browser back");
}
