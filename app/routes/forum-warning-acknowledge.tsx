import { data, redirect } from "react-router";

import { forumPaths } from "~/forum-paths";
import { requirePermission } from "~/route-guards.server";
import { safeReturnPath } from "../../server/identity/return-path";
import { acknowledgeWarning } from "../../server/moderation/acknowledge-warning";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-warning-acknowledge";

/** The "I have read this" button of a moderator's warning: marks it read and returns to the page it was on. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal } = context.get(requestContext);
  const form = await request.formData();

  const result = await acknowledgeWarning(portal.db, actor, params.warningId);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  return redirect(safeReturnPath(form.get("returnTo"), forumPaths.index()));
}

export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}
