import { m } from "~/paraglide/messages";
import type { PostView, ReactionKind } from "../server/forum/get-thread-page";

function reactionLabel(kind: ReactionKind): string {
  switch (kind) {
    case "cheer":
      return m.forum_reaction_cheer();
    case "thanks":
      return m.forum_reaction_thanks();
    case "hug":
      return m.forum_reaction_hug();
  }
}

/** Word a post's reactions for its buttons and counts, in the request's language. */
export function wordReactions(reactions: PostView["reactions"]) {
  return reactions.map((reaction) => ({
    ...reaction,
    buttonText: m.forum_reaction_button({ reaction: reactionLabel(reaction.kind), count: reaction.count }),
    countText: m.forum_reaction_count({ reaction: reactionLabel(reaction.kind), count: reaction.count }),
  }));
}
