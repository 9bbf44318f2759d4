import type { Stats } from "@/lib/schemas/stats";
import { formatNumber } from "@/lib/utils";

// Kratos's method names; anything else in the breakdown is a social sign-in provider's id.
const METHODS: Record<string, string> = {
  password: "Password",
  code: "One-time code",
  link: "Email link",
  webauthn: "Security key (WebAuthn)",
  passkey: "Passkey",
  totp: "Authenticator app (TOTP)",
  lookup_secret: "Backup code",
  profile: "Profile",
  saml: "SAML",
  unknown: "Unknown method",
};

/** Sign-ins of the last 30 days per method, as labelled bars (largest first, as the server sorts them). */
export function SignInMethods({ methods }: { methods: Stats["sign_ins_by_method"] }) {
  if (methods.length === 0)
    return <p className="text-sm text-gray-600 dark:text-gray-400">No sign-ins recorded in the last 30 days.</p>;
  const max = Math.max(...methods.map((m) => m.count));
  return (
    <ul aria-label="Sign-ins by method" className="space-y-2 text-sm">
      {methods.map((m) => {
        const label = METHODS[m.method] ?? m.method;
        return (
          <li key={m.method}>
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium text-gray-900 dark:text-gray-100">
                {label}
                {!(m.method in METHODS) && (
                  <span className="ml-2 text-xs font-normal text-gray-600 dark:text-gray-400">social sign-in</span>
                )}
              </span>
              <span className="text-gray-700 tabular-nums dark:text-gray-300">{formatNumber(m.count)}</span>
            </div>
            <div aria-hidden className="mt-1 h-2 rounded-full bg-gray-100 dark:bg-gray-800">
              <div
                className="h-2 rounded-full bg-indigo-600 dark:bg-indigo-400"
                style={{ width: `${Math.max(2, (m.count / max) * 100)}%` }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
