import { Link } from "react-router";

import { m } from "~/paraglide/messages";

/** Numbered page links with previous and next, for lists whose pages have numbers (thread pages, search results). */
export function Pagination(props: { page: number; pageCount: number; href: (page: number) => string; label: string }) {
  const { page, pageCount } = props;
  if (pageCount <= 1) return null;

  return (
    <nav aria-label={props.label} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={props.href(page - 1)}>{m.pagination_previous()}</Link>
          </li>
        ) : null}
        {shownPages(page, pageCount).map((target, index, shown) => (
          <li key={target}>
            {index > 0 && target - shown[index - 1]! > 1 ? <span aria-hidden="true">… </span> : null}
            {target === page ? (
              <span aria-current="page">{m.pagination_page({ page: target })}</span>
            ) : (
              <Link to={props.href(target)} aria-label={m.pagination_page({ page: target })}>
                {target}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={props.href(page + 1)}>{m.pagination_next()}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The first and last page and two on each side of the current one, so a long thread keeps a short list. */
function shownPages(page: number, pageCount: number): number[] {
  const pages = new Set([1, pageCount]);
  for (let target = Math.max(1, page - 2); target <= Math.min(pageCount, page + 2); target++) pages.add(target);
  return [...pages].sort((a, b) => a - b);
}

/** "More" link for keyset lists, which know only whether a next page exists. */
export function NextPageLink(props: { href: string | null; label: string }) {
  if (!props.href) return null;
  return (
    <p className="ds-paragraph">
      <Link to={props.href}>{props.label}</Link>
    </p>
  );
}
