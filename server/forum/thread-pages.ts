/** Posts per thread page. Pages are ranges of positions, so a post's page never changes. */
export const POSTS_PER_PAGE = 30;

/** The page a post is on: positions 1–30 are on page 1, 31–60 on page 2, and so on. */
export function pageOfPosition(position: number): number {
  return Math.max(1, Math.ceil(position / POSTS_PER_PAGE));
}
