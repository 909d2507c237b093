import { detectCrisisLanguage } from "../server/moderation/crisis-language/detect-crisis-language";
import { crisisAlerts, forumPostReports, moderationSettings } from "../server/moderation/schema";
import type { Executor } from "../server/platform/db";
import { demoForumThreads } from "./demo-forum-content";
import { demoForumId } from "./seed-demo-forum";

/** The demo's first-post approval and moderated hours: weekdays in office hours, and Tuesday evenings. */
export const demoModerationSettings = {
  approvalPostCount: 1,
  unansweredAfterHours: 24,
  reportsToHide: 3,
  moderatedHours: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "15:00" })),
    { weekday: 2, start: "18:00", end: "21:00" },
  ],
};

/**
 * Moderation state for the demo: the settings above, a crisis alert for each
 * demo post the detector flags (followed up, since the moderator answered
 * them in the thread), and one post reported by two members, below the
 * three that would hide it, so the moderator's queues have something in them.
 */
export async function seedDemoModeration(tx: Executor, accountIds: ReadonlyMap<string, string>) {
  await tx.update(moderationSettings).set(demoModerationSettings);

  const moderatorId = accountIds.get("moderator")!;
  for (const thread of demoForumThreads) {
    for (const [index, post] of thread.posts.entries()) {
      if (post.authorKey === "moderator") continue;
      const finding = detectCrisisLanguage([index === 0 ? thread.title : "", post.body, post.contentWarning ?? ""].join("\n\n"));
      if (!finding) continue;
      await tx.insert(crisisAlerts).values({
        postId: demoForumId("post", `${thread.key}:${index}`),
        writerId: accountIds.get(post.authorKey)!,
        categories: finding.categories,
        ruleIds: finding.ruleIds,
        handledAt: new Date(),
        handledBy: moderatorId,
      });
    }
  }

  const reported = demoForumId("post", "kaffe-eller-te:1");
  await tx.insert(forumPostReports).values([
    { postId: reported, reporterId: accountIds.get("member-4")!, reason: "hurtful", note: "Litt brysk svar, synes jeg." },
    { postId: reported, reporterId: accountIds.get("member-11")!, reason: "other" },
  ]);
}
