/**
 * Kratos's built-in e-mail templates (courier/template/courier/builtin/templates), plaintext bodies,
 * rendered with the same wording so the message a developer reads matches what Kratos would send.
 */
export interface RenderedEmail {
  templateType: string;
  subject: string;
  body: string;
}

const minutes = (ms: number) => Math.round(ms / 60_000);

export function recoveryCodeValid(code: string, expiresInMs: number): RenderedEmail {
  return {
    templateType: "recovery_code_valid",
    subject: `Use code ${code} to recover access to your account`,
    body: `Recover access to your account by entering the following code:\n\n${code}\n\nIf this was not you, do nothing. This code expires in ${minutes(expiresInMs)} minutes.\n`,
  };
}

export function recoveryValid(url: string, expiresInMs: number): RenderedEmail {
  return {
    templateType: "recovery_valid",
    subject: "Recover access to your account",
    body: `Hi,\n\nplease recover access to your account by clicking the following link:\n\n${url}\n\nIf this was not you, do nothing. This link expires in ${minutes(expiresInMs)} minutes.\n`,
  };
}

export function verificationCodeValid(code: string, url: string, expiresInMs: number): RenderedEmail {
  return {
    templateType: "verification_code_valid",
    subject: `Use code ${code} to verify your account`,
    body: `Verify your account with the following code:\n\n${code}\n\nor clicking the following link:\n\n${url}\n\nIf this was not you, do nothing. This code / link expires in ${minutes(expiresInMs)} minutes.\n`,
  };
}
