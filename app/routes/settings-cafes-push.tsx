import { data } from "react-router";

import { requirePermission } from "~/route-guards.server";
import { savePushSubscription } from "../../server/cafes/save-push-subscription";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/settings-cafes-push";

/**
 * Store this browser's web push subscription, posted by the settings page's
 * script as a form with the CSRF token the root middleware checks. Returns
 * JSON with the use case's status, for the script to show.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, log } = context.get(requestContext);
  if (!portal.push.enabled) return data({ status: "push_off" }, { status: 409 });

  const form = await request.formData();
  const result = await savePushSubscription(
    portal.db,
    actor,
    { endpoint: form.get("endpoint"), p256dh: form.get("p256dh"), auth: form.get("auth") },
    { allowAddressHosts: portal.config.env !== "production" },
  );
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "saved") log.info({ accountId: actor.accountId }, "push.subscribed");
  return data({ status: result.status }, { status: result.status === "saved" ? 200 : 400 });
}

export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}
