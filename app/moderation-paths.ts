/**
 * Paths of the moderation pages and of the member-facing pages about
 * moderation, in one place so links in pages, notifications and e-mails agree.
 */
export const moderationPaths = {
  overview: () => "/moderation",
  log: () => "/moderation/log",
  settings: () => "/moderation/settings",
  approvals: () => "/moderation/approvals",
  crisisAlerts: () => "/moderation/crisis-alerts",
  reports: () => "/moderation/reports",
  post: (postId: string) => `/moderation/posts/${postId}`,
  editPost: (postId: string) => `/moderation/posts/${postId}/edit`,
  thread: (threadId: string) => `/moderation/threads/${threadId}`,
  member: (pseudonym: string) => `/moderation/members/${encodeURIComponent(pseudonym)}`,
  reportPost: (postId: string) => `/forum/posts/${postId}/report`,
  takeBreak: () => "/settings/break",
  welcomeBack: () => "/welcome-back",
};
