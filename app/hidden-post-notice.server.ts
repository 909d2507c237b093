import { moderationReasonLabel } from "~/moderation-labels";
import { m } from "~/paraglide/messages";
import type { PostView } from "../server/forum/get-thread-page";
import { AUTOMATIC_HIDE_REASON } from "../server/moderation/reason-codes";

/** What the thread page shows in place of a hidden post, worded on the server so the page's script carries no moderation wording. */
export interface HiddenPostNotice {
  message: string;
  /** The moderator's note to the author, with its label. */
  note: string | null;
  /** Set for peer moderators, who can open the hidden text. */
  foldSummary: string | null;
}

/** Word why a post is hidden for its author or a peer moderator; null for every other reader, who sees the plain placeholder. */
export function wordHiddenPostNotice(post: PostView): HiddenPostNotice | null {
  if (post.state !== "hidden" || !post.hidden) return null;

  const reason = moderationReasonLabel(post.hidden.reason);
  let message: string;
  if (!post.isOwn) message = m.forum_post_hidden_for_moderator({ reason });
  else if (post.hidden.reason === AUTOMATIC_HIDE_REASON) message = m.forum_post_hidden_own_reported();
  else message = m.forum_post_hidden_own({ reason });

  return {
    message,
    note: post.hidden.note ? m.forum_post_hidden_note({ note: post.hidden.note }) : null,
    foldSummary: post.hiddenBodyHtml ? m.forum_post_hidden_show() : null,
  };
}
