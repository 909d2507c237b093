import { data, redirect } from "react-router";

import { clearCookieHeader, SESSION_COOKIE } from "../../server/platform/cookies";
import { requestContext } from "../../server/platform/request-context";
import { endSession } from "../../server/sessions";
import type { Route } from "./+types/sign-out";

export async function action({ context }: Route.ActionArgs) {
  const { actor, portal, log } = context.get(requestContext);
  if (actor.kind === "person") {
    await endSession(portal.db, actor.sessionTokenHash);
    log.info({ accountId: actor.accountId }, "session.ended");
  }
  return redirect("/sign-in?signedOut=1", { headers: { "Set-Cookie": clearCookieHeader(SESSION_COOKIE, { secure: portal.config.https }) } });
}

export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}
