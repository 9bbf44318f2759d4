/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number>;
