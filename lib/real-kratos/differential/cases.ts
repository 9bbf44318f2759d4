import type { Case } from "./case";
import { identityCases } from "./cases-identities";
import { importCases } from "./cases-import";
import { loginCases } from "./cases-login";
import { metaCases } from "./cases-meta";
import { paginationCases } from "./cases-pagination";
import { patchCases } from "./cases-patch";
import { recoveryCases } from "./cases-recovery";
import { registrationCases } from "./cases-registration";
import { sessionCases } from "./cases-sessions";
import { verificationCases } from "./cases-verification";

export type { Case } from "./case";

/** Every case, in run order; names are unique and are the keys of KNOWN_DIFFERENCES. */
export const CASES: Case[] = [
  ...metaCases,
  ...loginCases,
  ...identityCases,
  ...paginationCases,
  ...patchCases,
  ...importCases,
  ...sessionCases,
  ...registrationCases,
  ...recoveryCases,
  ...verificationCases,
];
