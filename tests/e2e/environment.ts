/**
 * Ports and addresses of the servers the end-to-end run starts; all on 127.0.0.1.
 * E2E_PORT_OFFSET (a multiple of 10) moves every port, so two checkouts can run
 * their journeys at once on one machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const portalPort = Number(process.env.E2E_PORT ?? 3100 + offset);

export const e2e = {
  portalPort,
  baseUrl: `http://127.0.0.1:${portalPort}`,
  /** A second portal with a settable clock (TEST_CLOCK=on), started by the journeys that need it. */
  clockPortalPort: portalPort + 1,
  smtpPort: 2525 + offset,
  mailboxPort: 2526 + offset,
  idporten: { port: 4400 + offset, clientId: "reconnect-idporten", clientSecret: "idporten-secret" },
  helseid: { port: 4401 + offset, clientId: "reconnect-helseid", clientSecret: "helseid-secret" },
};
