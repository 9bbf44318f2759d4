import "server-only";
import { anyAdminExists, ensureBootstrapAdmin, issueSetupToken } from "@/lib/server/services/admins";
import { env } from "@/lib/server/env";
import { startReconciler } from "@/lib/server/services/identity-index";
import { kratosUrls } from "@/lib/server/kratos-runtime";
import { sessionSecrets } from "@/lib/session-cookie";
import fs from "node:fs";
import path from "node:path";

/** Password hashes, tokens and the audit log live in TRUSS_DATA_DIR: owner-only (folder 0700, files 0600). */
function lockDownDataDir(dir: string): void {
  process.umask(0o077); // everything created from now on (SQLite files, WAL, secrets) is owner-only
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) fs.chmodSync(p, 0o700);
    else if (entry.isFile()) fs.chmodSync(p, 0o600);
  }
}

export async function boot(): Promise<void> {
  const e = env();
  lockDownDataDir(e.TRUSS_DATA_DIR);
  sessionSecrets(); // a bad or missing secret fails here, at start, not on the first sign-in
  const { publicUrl, embedded } = await kratosUrls();
  console.log(`[truss] Kratos: ${embedded ? "embedded" : "external"} (public ${publicUrl})`);
  if (!e.TRUSS_AUTH_REQUIRED)
    console.warn(
      "[truss] WARNING: TRUSS_AUTH_REQUIRED=false: the dashboard and /api/auth/* need no login. Never do this in production.",
    );
  startReconciler(); // the identity index: a first pass now, then every TRUSS_INDEX_RECONCILE_SECONDS (never on a request)
  const bootstrap = await ensureBootstrapAdmin();
  if (bootstrap === "demoted")
    console.warn(
      `[truss] WARNING: TRUSS_ADMIN_EMAIL=${e.TRUSS_ADMIN_EMAIL} was demoted by an admin and is not promoted again; remove TRUSS_ADMIN_EMAIL/PASSWORD.`,
    );
  else if (bootstrap !== "skipped") console.log(`[truss] admin ${e.TRUSS_ADMIN_EMAIL}: ${bootstrap}`);
  // Decided by Kratos (not the local index alone): an instance with admins never prints a setup link.
  if (!(await anyAdminExists(true))) {
    const base = e.TRUSS_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
    console.log(
      `[truss] No admin yet. Create the first one (single-use link, valid for one hour): ${base}/setup?token=${await issueSetupToken()}`,
    );
  }
}
