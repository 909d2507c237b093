import { Form, Link } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { forumPaths, pageOfPosition } from "~/forum-paths";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import type { HiddenPostNotice } from "~/hidden-post-notice.server";
import type { PostView } from "../../server/forum/get-thread-page";
import type { Locale } from "../../server/identity/roles";

/**
 * A post as the thread page passes it: reaction texts come worded from the
 * server, so the browser bundle carries no reaction wording in three languages.
 */
export type ForumPostView = Omit<PostView, "reactions" | "moderatorNote" | "hidden"> & {
  mutedWords: string[];
  /** The moderator's note, worded as a whole sentence on the server. */
  moderatorNote: string | null;
  hiddenNotice: HiddenPostNotice | null;
  /** Why the reader's own post waits for a moderator, worded on the server; null for every other post. */
  pendingNote: { label: string; why: string } | null;
  reactions: (PostView["reactions"][number] & { buttonText: string; countText: string })[];
};

/**
 * Render one post in a thread. Its HTML was rendered and sanitised when it was
 * written, so it is inserted as it is. Text behind a content warning or a
 * muted word stays folded in a <details> until the reader opens it.
 */
export function ForumPost(props: { post: ForumPostView; threadId: string; locale: Locale; canWrite: boolean; canReport: boolean; canModerate: boolean }) {
  const { post, locale } = props;
  const headingId = `post-${post.id}-author`;

  return (
    <article id={`post-${post.id}`} className="forum-post stack" aria-labelledby={headingId}>
      <header className="forum-post__header">
        <h2 id={headingId} className="ds-heading" data-size="2xs">
          {post.author ? <Link to={forumPaths.member(post.author.pseudonym)}>{post.author.pseudonym}</Link> : m.forum_former_member()}
          {post.author?.isModerator ? (
            <span className="ds-tag" data-color="info" data-size="sm">
              {m.forum_moderator_badge()}
            </span>
          ) : null}
        </h2>
        <p className="ds-paragraph" data-size="sm">
          <time dateTime={new Date(post.createdAt).toISOString()}>{formatDateTime(post.createdAt, locale)}</time>
          {post.editedAt ? ` · ${m.forum_post_edited()}` : null}
          {post.editedAt && props.canModerate ? (
            <>
              {" · "}
              <Link to={forumPaths.postHistory(post.id)}>{m.forum_post_history_link()}</Link>
            </>
          ) : null}
        </p>
      </header>
      {post.pendingNote ? (
        <div className="forum-post__pending">
          <p className="ds-paragraph">
            <span className="ds-tag" data-color="info">
              {post.pendingNote.label}
            </span>
          </p>
          <p className="ds-paragraph" data-size="sm">
            {post.pendingNote.why}
          </p>
        </div>
      ) : null}
      <PostContent post={post} />
      {post.moderatorNote && post.state === "published" ? (
        <p className="ds-paragraph forum-post__moderator-note" data-size="sm">
          {post.moderatorNote}
        </p>
      ) : null}
      {post.state === "published" ? <PostActions {...props} /> : null}
      {post.state !== "published" && props.canModerate ? (
        <p className="forum-post__links ds-paragraph" data-size="sm">
          <Link to={moderationPaths.post(post.id)}>{m.forum_post_moderate()}</Link>
        </p>
      ) : null}
      {post.state === "pending" && post.isOwn ? (
        <p className="forum-post__links ds-paragraph" data-size="sm">
          <Link to={forumPaths.editPost(post.id)}>{m.forum_post_edit()}</Link>
        </p>
      ) : null}
    </article>
  );
}

function PostContent({ post }: { post: ForumPostView }) {
  if (post.state === "deleted") return <p className="ds-paragraph forum-post__placeholder">{m.forum_post_deleted()}</p>;
  if (post.state === "hidden") return <HiddenPostContent post={post} />;

  const body = <div className="forum-post__body" dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? "" }} />;
  if (post.mutedWords.length > 0) {
    return (
      <details className="ds-details forum-post__fold">
        <summary>{m.forum_post_muted_summary({ words: post.mutedWords.join(", ") })}</summary>
        {post.contentWarning ? <p className="ds-paragraph">{m.forum_post_content_warning({ warning: post.contentWarning })}</p> : null}
        {body}
      </details>
    );
  }
  if (post.contentWarning) {
    return (
      <details className="ds-details forum-post__fold">
        <summary>{m.forum_post_content_warning_summary({ warning: post.contentWarning })}</summary>
        {body}
      </details>
    );
  }
  return body;
}

/** The author and peer moderators learn why a post is hidden; moderators can also open its text. Everyone else sees the placeholder. */
function HiddenPostContent({ post }: { post: ForumPostView }) {
  const notice = post.hiddenNotice;
  if (!notice) return <p className="ds-paragraph forum-post__placeholder">{m.forum_post_hidden()}</p>;

  return (
    <div className="stack">
      <p className="ds-paragraph forum-post__placeholder">{notice.message}</p>
      {notice.note ? <p className="ds-paragraph">{notice.note}</p> : null}
      {notice.foldSummary && post.hiddenBodyHtml ? (
        <details className="ds-details forum-post__fold">
          <summary>{notice.foldSummary}</summary>
          <div className="forum-post__body" dangerouslySetInnerHTML={{ __html: post.hiddenBodyHtml }} />
        </details>
      ) : null}
    </div>
  );
}

function PostActions(props: { post: ForumPostView; threadId: string; canWrite: boolean; canReport: boolean; canModerate: boolean }) {
  const { post, threadId, canWrite } = props;
  if (!canWrite) {
    // A suspended member can still report a post.
    if (post.isOwn || !props.canReport) return null;
    return (
      <footer className="forum-post__actions">
        <p className="forum-post__links ds-paragraph" data-size="sm">
          <Link to={moderationPaths.reportPost(post.id)}>{m.forum_post_report()}</Link>
        </p>
      </footer>
    );
  }

  return (
    <footer className="forum-post__actions">
      {!post.isOwn ? (
        <ul className="reaction-list" aria-label={m.forum_reactions_label()}>
          {post.reactions.map((reaction) => (
            <li key={reaction.kind}>
              <Form method="post" preventScrollReset>
                <CsrfField />
                <input type="hidden" name="intent" value="react" />
                <input type="hidden" name="postId" value={post.id} />
                <input type="hidden" name="kind" value={reaction.kind} />
                <input type="hidden" name="on" value={reaction.mine ? "no" : "yes"} />
                <button type="submit" className="ds-button" data-variant={reaction.mine ? "primary" : "secondary"} data-size="sm" aria-pressed={reaction.mine}>
                  {reaction.buttonText}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph" data-size="sm">
          {post.reactions
            .filter((reaction) => reaction.count > 0)
            .map((reaction) => reaction.countText)
            .join(" · ")}
        </p>
      )}
      <p className="forum-post__links ds-paragraph" data-size="sm">
        <Link to={`${forumPaths.thread(threadId, pageOfPosition(post.position))}${pageOfPosition(post.position) > 1 ? "&" : "?"}quote=${post.id}#reply`} preventScrollReset>
          {m.forum_post_quote()}
        </Link>
        {post.isOwn ? <Link to={forumPaths.editPost(post.id)}>{m.forum_post_edit()}</Link> : null}
        {!post.isOwn ? <Link to={moderationPaths.reportPost(post.id)}>{m.forum_post_report()}</Link> : null}
        {props.canModerate ? <Link to={moderationPaths.post(post.id)}>{m.forum_post_moderate()}</Link> : null}
      </p>
    </footer>
  );
}
