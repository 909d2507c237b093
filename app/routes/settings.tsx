import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { cafePaths } from "~/cafe-paths";
import { forumPaths } from "~/forum-paths";
import { moderationPaths } from "~/moderation-paths";
import { requirePermission } from "~/route-guards.server";
import { m } from "~/paraglide/messages";
import { clearCookieHeader, SESSION_COOKIE } from "../../server/platform/cookies";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import { endAllSessions } from "../../server/sessions";
import type { Route } from "./+types/settings";

export function meta() {
  return [{ title: `${m.settings_title()} – ReConnect` }];
}

export function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "settings.use");
  return { hasMemberProfile: actor.hasMemberProfile, mayReadForum: can(actor, "forum.read"), mayReadCafes: can(actor, "cafes.read"), mayPause: can(actor, "account.pause") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "settings.use");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();

  if (form.get("intent") !== "end-all-sessions") throw data({ code: "invalid_intent" }, { status: 400 });
  await endAllSessions(portal.db, actor.accountId);
  log.info({ accountId: actor.accountId }, "session.all_ended");
  return redirect("/sign-in?signedOut=1", { headers: { "Set-Cookie": clearCookieHeader(SESSION_COOKIE, { secure: portal.config.https }) } });
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.settings_title()}
      </h1>

      {loaderData.hasMemberProfile ? (
        <section className="stack" aria-labelledby="settings-profile-heading">
          <h2 id="settings-profile-heading" className="ds-heading" data-size="md">
            {m.profile_settings_heading()}
          </h2>
          <p className="ds-paragraph">{m.profile_settings_body()}</p>
          <p className="ds-paragraph">
            <Link className="ds-link" to="/settings/profile">
              {m.profile_settings_link()}
            </Link>
          </p>
        </section>
      ) : null}

      {loaderData.mayReadForum ? (
        <section className="stack" aria-labelledby="settings-forum-heading">
          <h2 id="settings-forum-heading" className="ds-heading" data-size="md">
            {m.settings_forum_heading()}
          </h2>
          <p className="ds-paragraph">{m.settings_forum_body()}</p>
          <p className="ds-paragraph">
            <Link className="ds-link" to={forumPaths.settings()}>
              {m.settings_forum_link()}
            </Link>
          </p>
        </section>
      ) : null}

      {loaderData.mayReadCafes ? (
        <section className="stack" aria-labelledby="settings-calendar-heading">
          <h2 id="settings-calendar-heading" className="ds-heading" data-size="md">
            {m.calendar_settings_heading()}
          </h2>
          <p className="ds-paragraph">{m.calendar_settings_body()}</p>
          <p className="ds-paragraph">
            <Link className="ds-link" to={cafePaths.calendarSettings()}>
              {m.calendar_settings_link()}
            </Link>
          </p>
        </section>
      ) : null}

      {loaderData.mayReadCafes ? (
        <section className="stack" aria-labelledby="settings-cafes-heading">
          <h2 id="settings-cafes-heading" className="ds-heading" data-size="md">
            {m.settings_cafes_heading()}
          </h2>
          <p className="ds-paragraph">{m.settings_cafes_body()}</p>
          <p className="ds-paragraph">
            <Link className="ds-link" to={cafePaths.settings()}>
              {m.settings_cafes_link()}
            </Link>
          </p>
        </section>
      ) : null}

      <section className="stack" aria-labelledby="settings-language-heading">
        <h2 id="settings-language-heading" className="ds-heading" data-size="md">
          {m.settings_language_heading()}
        </h2>
        <p className="ds-paragraph">{m.settings_language_body()}</p>
      </section>

      <section className="stack" aria-labelledby="settings-sessions-heading">
        <h2 id="settings-sessions-heading" className="ds-heading" data-size="md">
          {m.settings_sessions_heading()}
        </h2>
        <p className="ds-paragraph">{m.settings_sessions_body()}</p>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="end-all-sessions" />
          <button type="submit" className="ds-button" data-variant="secondary">
            {m.settings_sessions_end_all()}
          </button>
        </Form>
      </section>

      {loaderData.mayPause ? (
        <section className="stack" aria-labelledby="settings-break-heading">
          <h2 id="settings-break-heading" className="ds-heading" data-size="md">
            {m.settings_break_heading()}
          </h2>
          <p className="ds-paragraph">{m.settings_break_body()}</p>
          <p className="ds-paragraph">
            <Link className="ds-link" to={moderationPaths.takeBreak()}>
              {m.settings_break_link()}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
