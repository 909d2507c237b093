import { data, Form, Link } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { ForumBreadcrumbs } from "~/components/forum-breadcrumbs";
import { ModerationNotices } from "~/components/moderation-notices";
import { NextPageLink } from "~/components/pagination";
import { ThreadList } from "~/components/thread-list";
import { forumPaths } from "~/forum-paths";
import { wordModerationNotices } from "~/moderation-notices.server";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listCategoryThreads } from "../../server/forum/list-category-threads";
import { recordForumVisit } from "../../server/forum/record-thread-read";
import { setCategorySubscription } from "../../server/forum/set-subscription";
import { getOwnModerationNotices } from "../../server/moderation/get-own-moderation-notices";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/forum-category";

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.category.name} – ReConnect` : "ReConnect" }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);
  const cursor = new URL(request.url).searchParams.get("after") ?? undefined;

  const result = await listCategoryThreads(portal.db, actor, params.slug, locale, cursor);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  await recordForumVisit(portal.db, actor);

  const notices = await getOwnModerationNotices(portal.db, actor);
  return {
    locale,
    ...result,
    notices: wordModerationNotices(notices, locale),
    canWrite: can(actor, "forum.write") && actor.hasMemberProfile && notices.suspension === null,
    isFirstPage: !cursor,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);
  const form = await request.formData();

  const found = await listCategoryThreads(portal.db, actor, params.slug, locale);
  if (found.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const result = await setCategorySubscription(portal.db, actor, found.category.id, form.get("intent") === "subscribe");
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  return { subscriptionSaved: result.subscribed };
}

export default function ForumCategory({ loaderData, actionData }: Route.ComponentProps) {
  const { category, pinned, threads, nextCursor, locale } = loaderData;

  return (
    <>
      <ForumBreadcrumbs />
      <h1 className="ds-heading" data-size="lg">
        {category.name}
      </h1>
      {category.description ? <p className="ds-paragraph">{category.description}</p> : null}
      <ModerationNotices notices={loaderData.notices} />
      {category.muted ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">
            {m.forum_category_muted_notice()} <Link to={forumPaths.settings()}>{m.forum_category_muted_settings_link()}</Link>
          </p>
        </div>
      ) : null}
      <div className="button-row">
        {loaderData.canWrite ? (
          <Link to={forumPaths.newThread(category.slug)} className="ds-button" data-variant="primary">
            {m.forum_new_thread_link()}
          </Link>
        ) : null}
        <Form method="post" className="inline-form">
          <CsrfField />
          <button type="submit" name="intent" value={category.subscribed ? "unsubscribe" : "subscribe"} className="ds-button" data-variant="secondary">
            {category.subscribed ? m.forum_category_unsubscribe() : m.forum_category_subscribe()}
          </button>
        </Form>
      </div>
      {actionData ? (
        <p className="ds-paragraph" role="status">
          {actionData.subscriptionSaved ? m.forum_category_subscribed() : m.forum_category_unsubscribed()}
        </p>
      ) : null}

      {pinned.length > 0 ? (
        <section aria-labelledby="pinned-heading" className="stack">
          <h2 id="pinned-heading" className="ds-heading" data-size="sm">
            {m.forum_pinned_heading()}
          </h2>
          <ThreadList threads={pinned} locale={locale} label={m.forum_pinned_heading()} />
        </section>
      ) : null}
      <section aria-labelledby="threads-heading" className="stack">
        <h2 id="threads-heading" className="ds-heading" data-size="sm">
          {m.forum_threads_heading()}
        </h2>
        {threads.length === 0 ? <p className="ds-paragraph">{loaderData.isFirstPage ? m.forum_category_empty() : m.forum_list_end()}</p> : <ThreadList threads={threads} locale={locale} label={m.forum_threads_heading()} />}
        <NextPageLink href={nextCursor ? `${forumPaths.category(category.slug)}?after=${nextCursor}` : null} label={m.forum_older_threads()} />
      </section>
    </>
  );
}
