import { Fragment } from "react";
import { data, Form, Link } from "react-router";

import { Pagination } from "~/components/pagination";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { useRootData } from "~/root";
import { requirePermission } from "~/route-guards.server";
import type { Locale } from "../../server/identity/roles";
import { searchForum, type ForumSearchResult } from "../../server/forum/search-forum";
import { SEARCH_PAGES_MAX, SEARCH_QUERY_MAX_LENGTH, SEARCH_RESULTS_PER_PAGE, SEARCH_WORDS_MAX } from "../../server/forum/search/search-limits";
import type { SnippetSegment } from "../../server/forum/search/search-snippet";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-search";

// A query past the limit is shown back so it can be shortened, but not at any length a URL can carry.
const ECHOED_QUERY_MAX_LENGTH = 1000;

export function meta() {
  return [{ title: `${m.forum_search_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);
  const url = new URL(request.url);

  const query = url.searchParams.get("q");
  if (query === null) return { query: "", search: null };

  const result = await searchForum(portal.db, actor, { query, page: parsePage(url.searchParams.get("page")) }, locale);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const page = { query: query.slice(0, ECHOED_QUERY_MAX_LENGTH), search: result };
  if (result.status === "empty_query" || result.status === "query_too_long" || result.status === "invalid_page") return data(page, { status: 400 });
  return page;
}

/** Read the page number. A missing number means the first page, and anything but digits is invalid. */
function parsePage(value: string | null): number {
  if (value === null) return 1;
  return /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
}

function resultsPagePath(query: string, page: number): string {
  return page > 1 ? `${forumPaths.search(query)}&page=${page}` : forumPaths.search(query);
}

export default function ForumSearch({ loaderData }: Route.ComponentProps) {
  const { query, search } = loaderData;
  const status = search?.status;
  let fieldError: string | null = null;
  if (status === "empty_query") fieldError = m.forum_search_empty_query();
  if (status === "query_too_long") fieldError = m.forum_search_query_too_long({ max: SEARCH_QUERY_MAX_LENGTH });

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.forum_search_title()}
      </h1>

      <Form method="get" action={forumPaths.search()} role="search" className="stack">
        <div className="ds-field">
          <label className="ds-label" htmlFor="forum-search-query">
            {m.forum_search_query_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="forum-search-help">
            {m.forum_search_help()}
          </p>
          <div className="ds-search">
            <input
              // Keyed by the query, so the field shows the new query after each search made without a page load.
              key={query}
              className="ds-input"
              id="forum-search-query"
              name="q"
              type="search"
              autoComplete="off"
              maxLength={SEARCH_QUERY_MAX_LENGTH}
              defaultValue={query}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? "forum-search-help forum-search-error" : "forum-search-help"}
            />
            <button type="submit" className="ds-button" data-variant="primary">
              {m.forum_search_submit()}
            </button>
          </div>
          {fieldError ? (
            <p className="ds-validation-message" id="forum-search-error" data-color="danger">
              {fieldError}
            </p>
          ) : null}
        </div>
      </Form>

      {status === "invalid_page" ? (
        <p className="ds-paragraph">
          {m.forum_search_invalid_page()}{" "}
          <Link to={resultsPagePath(query, 1)} className="ds-link">
            {m.forum_search_first_page()}
          </Link>
        </p>
      ) : null}
      {search?.status === "searched" ? <SearchResults query={query} {...search} /> : null}
    </>
  );
}

function SearchResults(props: {
  query: string;
  results: ForumSearchResult[];
  page: number;
  hasNextPage: boolean;
  moreResultsThanShown: boolean;
  ignoredWordCount: number;
}) {
  const { query, results, page, hasNextPage, moreResultsThanShown, ignoredWordCount } = props;

  return (
    <section className="stack" aria-labelledby="forum-search-results-heading">
      <h2 id="forum-search-results-heading" className="ds-heading" data-size="md">
        {m.forum_search_results_heading({ query: query.trim() })}
        {page > 1 ? ` – ${m.pagination_page({ page })}` : null}
      </h2>
      {ignoredWordCount > 0 ? <p className="ds-paragraph">{m.forum_search_ignored_words({ max: SEARCH_WORDS_MAX })}</p> : null}

      {results.length === 0 ? <NoResults query={query} onLaterPage={page > 1} /> : null}
      {results.length > 0 ? (
        <ol className="forum-search-results">
          {results.map((result) => (
            <SearchResultItem key={result.postId} result={result} />
          ))}
        </ol>
      ) : null}

      {moreResultsThanShown ? <p className="ds-paragraph">{m.forum_search_more_than_shown({ count: SEARCH_PAGES_MAX * SEARCH_RESULTS_PER_PAGE })}</p> : null}
      {/* The search knows only whether one more page exists, so the last page offered is the next one. */}
      {results.length > 0 ? (
        <Pagination
          page={page}
          pageCount={hasNextPage ? page + 1 : page}
          href={(target) => resultsPagePath(query, target)}
          label={m.forum_search_pagination_label()}
        />
      ) : null}
    </section>
  );
}

function NoResults({ query, onLaterPage }: { query: string; onLaterPage: boolean }) {
  if (onLaterPage) {
    return (
      <p className="ds-paragraph">
        {m.forum_search_no_more_results()}{" "}
        <Link to={resultsPagePath(query, 1)} className="ds-link">
          {m.forum_search_first_page()}
        </Link>
      </p>
    );
  }

  return (
    <>
      <p className="ds-paragraph">{m.forum_search_no_results()}</p>
      <p className="ds-paragraph">
        {m.forum_search_no_results_next_step()}{" "}
        <Link to={forumPaths.index()} className="ds-link">
          {m.forum_search_go_to_forum()}
        </Link>
      </p>
    </>
  );
}

function SearchResultItem({ result }: { result: ForumSearchResult }) {
  const locale: Locale = useRootData()?.locale ?? "nb";

  return (
    <li className="forum-search-result">
      <h3 className="ds-heading" data-size="xs">
        <Link to={forumPaths.post(result.threadId, result.postId, result.position)} className="ds-link">
          {result.threadTitle}
        </Link>
      </h3>
      <p className="ds-paragraph forum-search-result__meta" data-size="sm">
        <span>{result.authorPseudonym ?? m.forum_former_member()}</span>
        <time dateTime={new Date(result.createdAt).toISOString()}>{formatDateTime(result.createdAt, locale)}</time>
        <span>{result.categoryName}</span>
        {result.inClosedGroup ? (
          <span className="ds-tag" data-color="info">
            {m.forum_search_closed_group()}
          </span>
        ) : null}
      </p>
      <FoldedSnippet result={result} />
    </li>
  );
}

/**
 * Fold the snippet behind the reader's muted words or the author's content
 * warning, as the thread page folds the post, so search shows no more than the thread would.
 */
function FoldedSnippet({ result }: { result: ForumSearchResult }) {
  const snippet = <Snippet segments={result.snippet} />;
  if (result.mutedWords.length > 0) {
    return (
      <details className="ds-details">
        <summary>{m.forum_post_muted_summary({ words: result.mutedWords.join(", ") })}</summary>
        <div>
          {result.contentWarning ? <p className="ds-paragraph">{m.forum_post_content_warning({ warning: result.contentWarning })}</p> : null}
          {snippet}
        </div>
      </details>
    );
  }
  if (result.contentWarning) {
    return (
      <details className="ds-details">
        <summary>{m.forum_post_content_warning_summary({ warning: result.contentWarning })}</summary>
        <div>{snippet}</div>
      </details>
    );
  }
  return snippet;
}

/** Render a snippet as text, with the matched words in `<mark>`. Post text is never parsed as HTML. */
function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <p className="ds-paragraph forum-search-result__snippet">
      {segments.map((segment, index) => (segment.highlighted ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>))}
    </p>
  );
}
