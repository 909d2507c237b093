import { data } from "react-router";

import { ForumBreadcrumbs } from "~/components/forum-breadcrumbs";
import { NextPageLink } from "~/components/pagination";
import { ThreadList } from "~/components/thread-list";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listNewThreads } from "../../server/forum/list-new-threads";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-new";

export function meta() {
  return [{ title: `${m.forum_new_since_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);
  const cursor = new URL(request.url).searchParams.get("after") ?? undefined;

  const result = await listNewThreads(portal.db, actor, cursor);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  return { locale, since: result.since?.toISOString() ?? null, threads: result.threads, nextCursor: result.nextCursor };
}

export default function ForumNew({ loaderData }: Route.ComponentProps) {
  const { threads, since, locale, nextCursor } = loaderData;

  return (
    <>
      <ForumBreadcrumbs />
      <h1 className="ds-heading" data-size="lg">
        {m.forum_new_since_title()}
      </h1>
      <p className="ds-paragraph">{since ? m.forum_new_since_intro({ time: formatDateTime(since, locale) }) : m.forum_new_since_intro_first()}</p>
      {threads.length === 0 ? <p className="ds-paragraph">{m.forum_new_since_empty()}</p> : <ThreadList threads={threads} locale={locale} label={m.forum_new_since_title()} />}
      <NextPageLink href={nextCursor ? `${forumPaths.newSinceLastVisit()}?after=${nextCursor}` : null} label={m.forum_older_threads()} />
    </>
  );
}
