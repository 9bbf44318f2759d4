import type { Case } from "./case";
import { emailFor, seedIdentity } from "./helpers";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Page membership depends on random ids, so pages are compared by size, and tokens by what they point at. */
export const paginationCases: Case[] = [
  {
    name: "listIdentities: page_size/page_token keyset pages and Link",
    run: async (t, r) => {
      const ids = [
        await seedIdentity(t, emailFor("pages")),
        await seedIdentity(t, emailFor("pages", 1)),
        await seedIdentity(t, emailFor("pages", 2)),
      ];
      // Which ids land on which page is random; name them by creation order and mark the page token.
      const named = (link: unknown) =>
        ids
          .reduce((l, id, i) => l.replaceAll(`ids=${id}`, `ids=ID${i}`), typeof link === "string" ? link : "")
          .replace(new RegExp(`page_token=${UUID.source}`, "g"), "page_token=SOME_ID");
      const first = await t.identity.listIdentities({ ids, pageSize: 2 });
      const token = /page_token=([^&>]+)>; rel="next"/.exec(String(first.headers.link ?? ""))?.[1] ?? "";
      r.note("page 1", {
        size: first.data.length,
        nextIsLastOfPage: token === first.data[1]?.id,
        link: named(first.headers.link),
      });
      const second = await t.identity.listIdentities({ ids, pageSize: 2, pageToken: token });
      r.note("page 2", { size: second.data.length, link: named(second.headers.link) });
      await r.sdk("bad token", t.identity.listIdentities({ pageToken: "not-a-token" }));
      await r.http("page_size over 500", "GET", `admin:/admin/identities?page_size=501&ids=${ids[0]}`);
      await r.http("negative page_size", "GET", `admin:/admin/identities?page_size=-1&ids=${ids[0]}`);
      await r.http("per_page alias", "GET", `admin:/admin/identities?per_page=1&ids=${ids[0]}`);
    },
  },
  {
    name: "listIdentities: legacy page pagination",
    run: async (_t, r) => {
      await r.http("page 0", "GET", "admin:/admin/identities?page=0&per_page=1", {
        project: (b) => (Array.isArray(b) ? b.length : b),
      });
      await r.http("too far", "GET", "admin:/admin/identities?page=11&per_page=100");
      await r.http("negative page", "GET", "admin:/admin/identities?page=-1&per_page=1", {
        project: (b) => (Array.isArray(b) ? b.length : b),
      });
    },
  },
];
