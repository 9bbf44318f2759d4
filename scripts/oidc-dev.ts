// npm run oidc:dev — a local OpenID Connect provider to try social sign-in with real Kratos (see README, "Social
// sign-in"). Any login name works on its sign-in page; the claims are made from it (ada → ada@oidc.test, verified).
//   OIDC_DEV_PORT (default 9399), KRATOS_PUBLIC_URL (default http://127.0.0.1:4433: Kratos's callback is registered)
import { startDevOidcProvider } from "@/lib/oidc-dev/provider";

const port = Number(process.env.OIDC_DEV_PORT ?? 9399);
const kratos = (process.env.KRATOS_PUBLIC_URL ?? "http://127.0.0.1:4433").replace(/\/+$/, "");
const oidc = await startDevOidcProvider({
  port,
  redirectUris: [`${kratos}/self-service/methods/oidc/callback/custom`],
});
console.log(`[oidc:dev] OpenID provider on ${oidc.issuer} (loopback only). Wire it into Truss and Kratos with:

KRATOS_OIDC_PROVIDERS=custom
KRATOS_OIDC_CUSTOM_LABEL="Local OIDC"
KRATOS_OIDC_CUSTOM_ISSUER_URL=${oidc.issuer}
KRATOS_OIDC_CUSTOM_CLIENT_ID=${oidc.clientId}
KRATOS_OIDC_CUSTOM_CLIENT_SECRET=${oidc.clientSecret}

Callback registered: ${kratos}/self-service/methods/oidc/callback/custom. Ctrl-C stops it.`);
const stop = () => void oidc.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
