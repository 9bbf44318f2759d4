import "server-only";
/**
 * Who hears about identities Truss itself changed in Kratos (the identity index), told in the same request. Held on
 * globalThis so every Next bundle that loads this module reaches the one listener. A listener failure is logged,
 * never the request's failure: the reconciler brings the index back in line.
 */
export interface IdentityObserver {
  deleted(ids: string[]): Promise<void>;
  /** Created or changed: look them up again (a write's own answer omits the credentials the index needs). */
  touched(ids: string[]): Promise<void>;
}

const holder = globalThis as { __trussIdentityObserver?: IdentityObserver };

export function observeIdentities(observer: IdentityObserver): void {
  holder.__trussIdentityObserver = observer;
}

async function tell(what: string, count: number, run: (o: IdentityObserver) => Promise<void>): Promise<void> {
  const o = holder.__trussIdentityObserver;
  if (!o || count === 0) return;
  try {
    await run(o);
  } catch (err) {
    console.error(`[truss] identity index: ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export const identityDeleted = (ids: string[]) => tell("deleted", ids.length, (o) => o.deleted(ids));
export const identityTouched = (ids: string[]) => tell("touched", ids.length, (o) => o.touched(ids));
