import type { SelfServiceConfig } from "../selfservice-config";
import type { UiMessage } from "../store/types";

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Length of the longest common substring. */
function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = (prev[j - 1] ?? 0) + 1;
        best = Math.max(best, cur[j] ?? 0);
      }
    }
    prev = cur;
  }
  return best;
}

/**
 * Kratos's DefaultPasswordValidator without the haveibeenpwned lookup (no network in development):
 * minimum length, then the identifier similarity check (edit distance < 5 or a shared substring
 * longer than half the password).
 */
export function checkPassword(cfg: SelfServiceConfig, identifier: string, password: string): UiMessage | undefined {
  if (password === "") {
    return { id: 4000002, text: "Property password is missing.", type: "error", context: { property: "password" } };
  }
  if (password.length < cfg.minPasswordLength) {
    return {
      id: 4000032,
      text: `The password must be at least ${cfg.minPasswordLength} characters long, but got ${password.length}.`,
      type: "error",
      context: { actual_length: password.length, min_length: cfg.minPasswordLength },
    };
  }
  if (cfg.identifierSimilarityCheck && identifier !== "") {
    const id = identifier.toLowerCase();
    const pw = password.toLowerCase();
    if (levenshtein(id, pw) < 5 || longestCommonSubstring(id, pw) / pw.length > 0.5) {
      return {
        id: 4000031,
        text: "The password can not be used because it is too similar to the identifier.",
        type: "error",
      };
    }
  }
  return undefined;
}
