/**
 * The bridge between the fetcher and the re-authentication dialog: when the server answers reauth_required,
 * the fetcher asks the mounted dialog for the password, and retries the request once it was confirmed.
 */
type Handler = (message: string) => Promise<boolean>;
let handler: Handler | null = null;
let pending: Promise<boolean> | null = null;

export function setReauthHandler(h: Handler | null): void {
  handler = h;
}

/** Resolves true once the admin confirmed their password, false when they cancelled (or no dialog is mounted). */
export function requestReauth(message: string): Promise<boolean> {
  if (!handler) return Promise.resolve(false);
  // Several requests failing at once share one dialog.
  pending ??= handler(message).finally(() => (pending = null));
  return pending;
}
