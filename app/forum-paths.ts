/**
 * Paths of the forum's pages, in one place so links in pages, notifications
 * and e-mails agree. Threads and posts are addressed by id; members by
 * pseudonym, which is what other members know them by.
 */
import { pageOfPosition } from "../server/forum/thread-pages";

export { POSTS_PER_PAGE, pageOfPosition } from "../server/forum/thread-pages";

export const forumPaths = {
  index: () => "/forum",
  newSinceLastVisit: () => "/forum/new",
  search: (query?: string) => (query ? `/forum/search?q=${encodeURIComponent(query)}` : "/forum/search"),
  category: (slug: string) => `/forum/categories/${encodeURIComponent(slug)}`,
  newThread: (categorySlug: string) => `/forum/categories/${encodeURIComponent(categorySlug)}/new`,
  thread: (threadId: string, page = 1) => (page > 1 ? `/forum/threads/${threadId}?page=${page}` : `/forum/threads/${threadId}`),
  /** A post inside its thread page. */
  post: (threadId: string, postId: string, position: number) => `${forumPaths.thread(threadId, pageOfPosition(position))}#post-${postId}`,
  editPost: (postId: string) => `/forum/posts/${postId}/edit`,
  postHistory: (postId: string) => `/forum/posts/${postId}/history`,
  member: (pseudonym: string) => `/forum/members/${encodeURIComponent(pseudonym)}`,
  reveals: () => "/forum/reveals",
  groups: () => "/forum/groups",
  group: (groupId: string) => `/forum/groups/${groupId}`,
  newGroupThread: (groupId: string) => `/forum/groups/${groupId}/new`,
  notifications: () => "/notifications",
  settings: () => "/settings/forum",
};
