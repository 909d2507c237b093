import { redirect } from "react-router";

import { safeReturnPath } from "../server/identity/return-path";
import { cookieHeader, SESSION_COOKIE } from "../server/platform/cookies";
import type { RequestState } from "../server/platform/request-context";
import { createSession, endSession, type SignInMethod } from "../server/sessions";

/**
 * Finish any sign-in: end the session the browser had, start a new one with a
 * fresh token, and redirect to a path on this site.
 */
export async function completeSignIn(state: RequestState, input: { accountId: string; method: SignInMethod; returnTo: unknown }, extraHeaders: string[] = []) {
  const { portal, actor, log } = state;
  if (actor.kind === "person") await endSession(portal.db, actor.sessionTokenHash);

  const { token } = await createSession(portal.db, portal.config.session, { accountId: input.accountId, method: input.method });
  log.info({ accountId: input.accountId, method: input.method }, "session.created");

  const headers = new Headers();
  // No Max-Age: the cookie ends with the browser, and the server enforces idle and absolute limits.
  headers.append("Set-Cookie", cookieHeader(SESSION_COOKIE, token, { secure: portal.config.https }));
  for (const header of extraHeaders) headers.append("Set-Cookie", header);
  return redirect(safeReturnPath(input.returnTo), { headers });
}
