import { data, Form, Link } from "react-router";

import { formatDateTime } from "~/format-date";
import { ModerationNotices } from "~/components/moderation-notices";
import { forumPaths } from "~/forum-paths";
import { wordModerationNotices } from "~/moderation-notices.server";
import { m } from "~/paraglide/messages";
import { moderationPresenceText } from "~/moderation-presence.server";
import { requirePermission } from "~/route-guards.server";
import { listForumCategories } from "../../server/forum/list-forum-categories";
import { recordForumVisit } from "../../server/forum/record-thread-read";
import { getModerationPresence } from "../../server/moderation/get-moderation-presence";
import { getOwnModerationNotices } from "../../server/moderation/get-own-moderation-notices";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum";

export function meta() {
  return [{ title: `${m.forum_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);

  const result = await listForumCategories(portal.db, actor, { locale });
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  await recordForumVisit(portal.db, actor);
  const notices = wordModerationNotices(await getOwnModerationNotices(portal.db, actor), locale);
  const presence = await getModerationPresence(portal.db, actor);
  return {
    locale,
    categories: result.categories,
    notices,
    presenceText: presence.status === "found" ? moderationPresenceText(presence, locale, portal.config.acuteHelp) : null,
  };
}

export default function Forum({ loaderData }: Route.ComponentProps) {
  const { categories, locale } = loaderData;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.forum_title()}
      </h1>
      <ModerationNotices notices={loaderData.notices} />
      <p className="ds-paragraph">{m.forum_intro()}</p>
      {loaderData.presenceText ? (
        <p className="ds-paragraph forum-presence" data-size="sm">
          {loaderData.presenceText}
        </p>
      ) : null}
      <Form method="get" action={forumPaths.search()} className="search-form" role="search">
        <div className="ds-field">
          <label className="ds-label" htmlFor="forum-search">
            {m.forum_search_label()}
          </label>
          <input className="ds-input" type="search" id="forum-search" name="q" />
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">
          {m.forum_search_submit()}
        </button>
      </Form>
      <ul className="link-row">
        <li>
          <Link to={forumPaths.newSinceLastVisit()}>{m.forum_new_since_title()}</Link>
        </li>
        <li>
          <Link to={forumPaths.groups()}>{m.forum_groups_link()}</Link>
        </li>
        <li>
          <Link to={forumPaths.reveals()}>{m.forum_reveals_link()}</Link>
        </li>
        <li>
          <Link to={forumPaths.settings()}>{m.forum_settings_link()}</Link>
        </li>
      </ul>
      <section aria-labelledby="categories-heading" className="stack">
        <h2 id="categories-heading" className="ds-heading" data-size="md">
          {m.forum_categories_heading()}
        </h2>
        {categories.length === 0 ? (
          <p className="ds-paragraph">{m.forum_categories_empty()}</p>
        ) : (
          <ul className="category-list">
            {categories.map((category) => (
              <li key={category.id} className="category-list__item">
                <h3 className="ds-heading" data-size="xs">
                  <Link to={forumPaths.category(category.slug)}>{category.name}</Link>
                </h3>
                {category.description ? <p className="ds-paragraph">{category.description}</p> : null}
                <p className="ds-paragraph" data-size="sm">
                  {m.forum_category_thread_count({ count: category.threadCount })}
                  {category.lastActivityAt ? ` · ${m.forum_thread_last_activity({ time: formatDateTime(category.lastActivityAt, locale) })}` : null}
                  {category.muted ? ` · ${m.forum_category_muted_tag()}` : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
