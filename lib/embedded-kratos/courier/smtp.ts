import { createTransport } from "nodemailer";
import type { Deliver } from "./courier";

/**
 * SMTP delivery for EMBEDDED_KRATOS_SMTP_URL (smtp://user:pass@host:port/?disable_starttls=true, as
 * Kratos's courier.smtp.connection_uri; smtps:// for implicit TLS). Built once per server instance.
 */
export function createSmtpDelivery(url: string, from: string): Deliver {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  const transport = createTransport({
    host: u.hostname,
    port: Number(u.port) || (secure ? 465 : 25),
    secure,
    ignoreTLS: u.searchParams.get("disable_starttls") === "true",
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
  });
  return async (m) => {
    await transport.sendMail({ from, to: m.recipient, subject: m.subject, text: m.body });
  };
}
