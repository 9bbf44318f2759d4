import type { UiMessage } from "../store/types";

/** Kratos text ids and texts (kratos:text/message_*.go) of the recovery, verification, settings and registration flows. */
const info = (id: number, text: string, context?: UiMessage["context"]): UiMessage => ({
  id,
  text,
  type: "info",
  ...(context && { context }),
});
const error = (id: number, text: string, context?: UiMessage["context"]): UiMessage => ({
  id,
  text,
  type: "error",
  ...(context && { context }),
});

const SENT_TAIL =
  "If you have not received an email, check the spelling of the address and make sure to use the address you registered with.";

export const flowMessages = {
  recoveryCodeSent: () =>
    info(1060003, `An email containing a recovery code has been sent to the email address you provided. ${SENT_TAIL}`),
  recoveryLinkSent: () =>
    info(1060002, `An email containing a recovery link has been sent to the email address you provided. ${SENT_TAIL}`),
  recoveryCodeInvalid: () => error(4060006, "The recovery code is invalid or has already been used. Please try again."),
  recoveryTokenInvalid: () =>
    error(4060004, "The recovery token is invalid or has already been used. Please retry the flow."),
  recoveryRetrySuccess: () => error(4060001, "The request was already completed successfully and can not be retried."),
  recoverySuccessful: (privilegedUntil: Date, now: Date) => {
    const at = privilegedUntil.toISOString();
    const minutes = (privilegedUntil.getTime() - now.getTime()) / 60_000;
    return {
      id: 1060001,
      text: `You successfully recovered your account. Please change your password or set up an alternative login method (e.g. social sign in) within the next ${Math.max(0, minutes).toFixed(2)} minutes.`,
      type: "success",
      context: {
        privilegedSessionExpiresAt: at,
        privileged_session_expires_at: at,
        privileged_session_expires_at_unix: Math.floor(privilegedUntil.getTime() / 1000),
      },
    } satisfies UiMessage;
  },
  verificationCodeSent: () =>
    info(
      1080003,
      `An email containing a verification code has been sent to the email address you provided. ${SENT_TAIL}`,
    ),
  verificationCodeInvalid: () =>
    error(4070006, "The verification code is invalid or has already been used. Please try again."),
  verificationSuccess: (): UiMessage => ({
    id: 1080002,
    text: "You successfully verified your email address.",
    type: "success",
  }),
  verificationRetrySuccess: () =>
    error(4070002, "The request was already completed successfully and can not be retried."),
  settingsSaved: (): UiMessage => ({ id: 1050001, text: "Your changes have been saved!", type: "success" }),
  registrationNoStrategy: () =>
    error(4010003, "Could not find a strategy to sign you up with. Did you fill out the form correctly?"),
  registrationChooseCredential: () => info(1040009, "Please choose a credential to authenticate yourself with."),
  duplicateIdentifier: () =>
    error(4000007, "An account with the same identifier (email, phone, username, ...) exists already."),
  missingProperty: (property: string) => error(4000002, `Property ${property} is missing.`, { property }),
  invalidEmail: (value: string) => error(4000040, "Enter a valid email address", { value }),
  generic: (reason: string) => error(4000001, reason, { reason }),
};

/** Node labels. */
export const labels = {
  email: () => info(1070007, "Email"),
  continue: () => info(1070009, "Continue"),
  resendCode: () => info(1070008, "Resend code"),
  recoveryCode: () => info(1070010, "Recovery code"),
  verificationCode: () => info(1070011, "Verification code"),
  password: () => info(1070001, "Password"),
  save: () => info(1070003, "Save"),
  signUp: () => info(1040001, "Sign up"),
  back: () => info(1040008, "Back"),
  submit: () => info(1070005, "Submit"),
};
