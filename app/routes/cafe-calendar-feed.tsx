import { getCalendarFeed } from "../../server/cafes/get-calendar-feed";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/cafe-calendar-feed";

// The feed's address is a secret: no cache may keep it, no search engine index it, no link pass it on.
const privateHeaders = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
};

/**
 * Public, unauthenticated: a member's calendar subscription, /calendar/<token>.ics.
 * Calendar applications fetch it without a session, so the token is the
 * only credential. An unknown or revoked token gets a bare 404 with no
 * reason given.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { portal } = context.get(requestContext);
  const token = params.file.endsWith(".ics") ? params.file.slice(0, -".ics".length) : "";

  const result = await getCalendarFeed(portal.db, { token, now: portal.clock.now(), publicUrl: portal.config.publicUrl });
  if (result.status === "not_found") {
    return new Response("Not found\n", { status: 404, headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" } });
  }

  return new Response(result.calendar, {
    headers: { ...privateHeaders, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="calendar.ics"' },
  });
}
