/** Kratos's fallback UI pages, used when no ui_url is configured (Kratos's own defaults). */
const FALLBACK = "https://www.ory.sh/kratos/docs/fallback";

export type FlowUi = "login" | "registration" | "recovery" | "verification" | "settings" | "error";

/** selfservice.* of kratos.yml, for the flows the embedded server serves. */
export interface SelfServiceConfig {
  /** selfservice.flows.<flow>.ui_url */
  uiUrls: Record<FlowUi, string>;
  /** selfservice.default_browser_return_url */
  defaultReturnUrl: string;
  /** selfservice.allowed_return_urls */
  allowedReturnUrls: string[];
  /** selfservice.flows.registration.enabled */
  registrationEnabled: boolean;
  /** selfservice.flows.registration.after.password.hooks: "session" signs the new identity in. */
  registrationHooks: string[];
  /** selfservice.flows.recovery.use */
  recoveryUse: "code" | "link";
  /** selfservice.methods.link.enabled */
  linkEnabled: boolean;
  /** selfservice.flows.verification.enabled */
  verificationEnabled: boolean;
  /** selfservice.flows.settings.privileged_session_max_age */
  privilegedSessionMaxAgeMs: number;
  /** Lifespan of registration, recovery, settings and verification flows (Kratos: 1h each). */
  flowLifespanMs: number;
  /** Lifespan of recovery and verification codes (Kratos: 1h). */
  codeLifespanMs: number;
  /** selfservice.methods.password.config.min_password_length */
  minPasswordLength: number;
  /** selfservice.methods.password.config.identifier_similarity_check_enabled */
  identifierSimilarityCheck: boolean;
  /** courier.smtp.connection_uri; unset = messages are stored only. */
  smtpUrl?: string;
  /** courier.smtp.from_address */
  smtpFrom: string;
}

export type SelfServiceOptions = Partial<Omit<SelfServiceConfig, "uiUrls">> & {
  uiUrls?: Partial<Record<FlowUi, string>>;
};

/**
 * Defaults: Kratos's where Truss's deploy/kratos/kratos.yml keeps them, Truss's where it sets them
 * (minimum password length 12, similarity check, return URL = the dashboard). Registration is on and
 * signs the user in: the embedded server is for development, where sign-up is what a developer tries first.
 */
export function resolveSelfService(o: SelfServiceOptions = {}): SelfServiceConfig {
  const defaultReturnUrl = o.defaultReturnUrl ?? "http://127.0.0.1:8787/";
  return {
    uiUrls: {
      login: o.uiUrls?.login ?? `${FALLBACK}/login`,
      registration: o.uiUrls?.registration ?? `${FALLBACK}/registration`,
      recovery: o.uiUrls?.recovery ?? `${FALLBACK}/recovery`,
      verification: o.uiUrls?.verification ?? `${FALLBACK}/verification`,
      settings: o.uiUrls?.settings ?? `${FALLBACK}/settings`,
      error: o.uiUrls?.error ?? `${FALLBACK}/error`,
    },
    defaultReturnUrl,
    allowedReturnUrls: o.allowedReturnUrls ?? [defaultReturnUrl.replace(/\/+$/, "")],
    registrationEnabled: o.registrationEnabled ?? true,
    registrationHooks: o.registrationHooks ?? ["session"],
    recoveryUse: o.recoveryUse ?? "code",
    linkEnabled: o.linkEnabled ?? true,
    verificationEnabled: o.verificationEnabled ?? true,
    privilegedSessionMaxAgeMs: o.privilegedSessionMaxAgeMs ?? 15 * 60_000,
    flowLifespanMs: o.flowLifespanMs ?? 3_600_000,
    codeLifespanMs: o.codeLifespanMs ?? 3_600_000,
    minPasswordLength: o.minPasswordLength ?? 12,
    identifierSimilarityCheck: o.identifierSimilarityCheck ?? true,
    smtpUrl: o.smtpUrl,
    smtpFrom: o.smtpFrom ?? "no-reply@truss.local",
  };
}
