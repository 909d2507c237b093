/** Ports and addresses of the servers the end-to-end run starts; all on 127.0.0.1. */
const portalPort = Number(process.env.E2E_PORT ?? 3100);

export const e2e = {
  portalPort,
  baseUrl: `http://127.0.0.1:${portalPort}`,
  smtpPort: 2525,
  mailboxPort: 2526,
  idporten: { port: 4400, clientId: "reconnect-idporten", clientSecret: "idporten-secret" },
  helseid: { port: 4401, clientId: "reconnect-helseid", clientSecret: "helseid-secret" },
};
