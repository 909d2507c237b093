import { data, redirect } from "react-router";

import { requirePermission } from "~/route-guards.server";
import { safeReturnPath } from "../../server/identity/return-path";
import { setModeratorDuty } from "../../server/moderation/set-moderator-duty";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/moderation-duty";

// The duty toggle only posts here; there is no page to show.
export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.moderate");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const onDuty = form.get("onDuty");
  if (onDuty !== "on" && onDuty !== "off") throw data({ code: "invalid_duty" }, { status: 400 });

  const result = await setModeratorDuty(portal.db, actor, onDuty === "on");
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  if (result.status !== "unchanged") log.info({ accountId: actor.accountId }, result.status === "started" ? "moderation.duty_started" : "moderation.duty_ended");
  return redirect(safeReturnPath(form.get("returnTo"), "/moderation"));
}
