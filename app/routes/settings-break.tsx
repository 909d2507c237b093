import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { pauseAccount } from "../../server/identity/pause-account";
import { clearCookieHeader, cookieHeader, SESSION_COOKIE } from "../../server/platform/cookies";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "../../server/platform/locale";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/settings-break";

// Where a person lands after pausing: the front page, which says goodbye to a signed-out visitor with this query.
const goodbyePath = "/?break=started";

export function meta() {
  return [{ title: `${m.take_break_title()} – ReConnect` }];
}

export function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "account.pause");
  return { moderator: can(actor, "forum.moderate") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "account.pause");
  const { portal, locale, log } = context.get(requestContext);

  const result = await pauseAccount(portal.db, actor);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "paused") log.info({ accountId: actor.accountId }, "account.paused");

  // Every session has ended, so the goodbye page would fall back to the browser's language; the cookie keeps the person's own.
  const headers = new Headers();
  headers.append("Set-Cookie", clearCookieHeader(SESSION_COOKIE, { secure: portal.config.https }));
  headers.append("Set-Cookie", cookieHeader(LOCALE_COOKIE, locale, { secure: portal.config.https, maxAgeSeconds: LOCALE_COOKIE_MAX_AGE_SECONDS }));
  return redirect(goodbyePath, { headers });
}

export default function SettingsBreak({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.take_break_title()}
      </h1>
      <p className="ds-paragraph">{m.take_break_intro()}</p>

      <section className="stack" aria-labelledby="take-break-what-happens-heading">
        <h2 id="take-break-what-happens-heading" className="ds-heading" data-size="md">
          {m.take_break_what_happens_heading()}
        </h2>
        <ul className="ds-list">
          <li>{m.take_break_signed_out()}</li>
          <li>{m.take_break_posts_stay()}</li>
          <li>{m.take_break_not_reached()}</li>
          {loaderData.moderator ? <li>{m.take_break_moderator_duty()}</li> : null}
          <li>{m.take_break_nothing_deleted()}</li>
        </ul>
        <p className="ds-paragraph">{m.take_break_come_back()}</p>
      </section>

      <p className="ds-paragraph">
        {m.take_break_acute_help()}{" "}
        <a className="ds-link" href="/acute-help">
          {m.layout_acute_help_link()}
        </a>
      </p>

      <Form method="post" className="button-row">
        <CsrfField />
        <button type="submit" className="ds-button" data-variant="primary">
          {m.take_break_submit()}
        </button>
        <Link to="/settings" className="ds-button" data-variant="tertiary">
          {m.take_break_cancel()}
        </Link>
      </Form>
    </>
  );
}
