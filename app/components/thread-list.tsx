import { Link } from "react-router";

import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import type { ThreadSummary } from "../../server/forum/list-threads";
import type { Locale } from "../../server/identity/roles";

/** A list of threads with reply counts and unread markers, each linking to the first unread post's page. */
export function ThreadList(props: { threads: ThreadSummary[]; locale: Locale; label: string }) {
  return (
    <ul className="thread-list" aria-label={props.label}>
      {props.threads.map((thread) => (
        <li key={thread.id} className="thread-list__item">
          <p className="ds-paragraph thread-list__title">
            <Link to={forumPaths.thread(thread.id, thread.targetPage)}>{thread.title}</Link>
            {thread.firstUnreadPosition !== null ? (
              <span className="ds-tag" data-color="accent" data-size="sm">
                {m.forum_thread_unread()}
              </span>
            ) : null}
            {thread.pinned ? (
              <span className="ds-tag" data-color="neutral" data-size="sm">
                {m.forum_thread_pinned()}
              </span>
            ) : null}
            {thread.locked ? (
              <span className="ds-tag" data-color="neutral" data-size="sm">
                {m.forum_thread_locked_tag()}
              </span>
            ) : null}
          </p>
          <p className="ds-paragraph" data-size="sm">
            {m.forum_thread_summary({ author: thread.author?.pseudonym ?? m.forum_former_member(), replies: thread.replyCount })}
            {thread.author?.isModerator ? (
              <>
                {" "}
                <span className="ds-tag" data-color="info" data-size="sm">
                  {m.forum_moderator_badge()}
                </span>
              </>
            ) : null}
            {" · "}
            <time dateTime={new Date(thread.lastPostedAt).toISOString()}>{m.forum_thread_last_activity({ time: formatDateTime(thread.lastPostedAt, props.locale) })}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
