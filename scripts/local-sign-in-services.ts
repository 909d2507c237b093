// Starts a local SMTP server with a mailbox page and local ID-porten and HelseID test providers on 127.0.0.1,
// so e-mail codes and OpenID Connect sign-in can be tried by hand. Run: npm run local-sign-in-services
// For trying only: the test providers accept any typed identity and must never face real users.
import { startTestOidcProvider } from "../tests/support/oidc-provider";
import { startTestSmtpServer } from "../tests/support/smtp-server";

const portalUrl = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const ports = { smtp: 2625, mailbox: 2626, idporten: 4500, helseid: 4501 };

const smtp = await startTestSmtpServer({ smtpPort: ports.smtp, httpPort: ports.mailbox });
const idporten = await startTestOidcProvider({
  port: ports.idporten,
  preset: "idporten",
  clientId: "local-idporten",
  clientSecret: "local-idporten-secret",
  redirectUris: [`${portalUrl}/sign-in/callback/idporten`],
});
const helseid = await startTestOidcProvider({
  port: ports.helseid,
  preset: "helseid",
  clientId: "local-helseid",
  clientSecret: "local-helseid-secret",
  redirectUris: [`${portalUrl}/sign-in/callback/helseid`],
});

console.log(`Local sign-in services are running. Mail received by the SMTP server: http://127.0.0.1:${ports.mailbox}/messages

Start the portal in another terminal with:

SMTP_URL=smtp://127.0.0.1:${ports.smtp} \\
OIDC_IDPORTEN_ISSUER=${idporten.issuer} OIDC_IDPORTEN_CLIENT_ID=local-idporten OIDC_IDPORTEN_CLIENT_SECRET=local-idporten-secret \\
OIDC_HELSEID_ISSUER=${helseid.issuer} OIDC_HELSEID_CLIENT_ID=local-helseid OIDC_HELSEID_CLIENT_SECRET=local-helseid-secret \\
npm start

Demo member for ID-porten: fødselsnummer 03857812340 (Morgenfugl). Demo provider for HelseID: HPR number 9100001.
Demo e-mail address: kari.nordby@demo.reconnect.invalid. Stop with Ctrl+C.`);

async function stop() {
  await Promise.all([smtp.close(), idporten.close(), helseid.close()]);
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
