import { data } from "react-router";

import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getCafeCalendarFile } from "../../server/cafes/get-cafe-calendar-file";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafe-calendar-file";

/**
 * "Add to calendar" for one kafé: an .ics download for members of its
 * community. The file name is a neutral word, because downloads lists and
 * calendar imports show it.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, locale } = context.get(requestContext);

  const result = await getCafeCalendarFile(portal.db, actor, params.cafeId, { locale, now: portal.clock.now(), publicUrl: portal.config.publicUrl });
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  return new Response(result.calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${m.calendar_file_name({}, { locale })}.ics"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
