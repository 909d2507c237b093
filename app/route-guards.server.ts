import { data, redirect, type RouterContextProvider } from "react-router";

import type { PersonActor } from "../server/identity/actor";
import { requestContext } from "../server/platform/request-context";
import { can, type Permission } from "../server/policy";

/**
 * Resolve the signed-in person who has the permission, or stop. A signed-out
 * visitor is redirected to sign-in with a way back. A signed-in person without
 * the permission gets "not found", so a denied page reveals nothing about whether it exists.
 */
export function requirePermission(context: Readonly<RouterContextProvider>, request: Request, permission: Permission): PersonActor {
  const { actor } = context.get(requestContext);
  if (actor.kind === "anonymous") throw redirectToSignIn(request);
  if (!can(actor, permission)) throw data({ code: "not_found" }, { status: 404 });
  return actor;
}

export function requireSignedIn(context: Readonly<RouterContextProvider>, request: Request): PersonActor {
  const { actor } = context.get(requestContext);
  if (actor.kind === "anonymous") throw redirectToSignIn(request);
  return actor;
}

function redirectToSignIn(request: Request) {
  const url = new URL(request.url);
  const path = url.pathname.replace(/\.data$/, "");
  return redirect(`/sign-in?returnTo=${encodeURIComponent(`${path}${url.search}`)}`);
}
