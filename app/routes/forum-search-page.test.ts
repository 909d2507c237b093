import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, Outlet, StaticRouterProvider, useLoaderData } from "react-router";
import { describe, expect, test } from "vitest";

import nb from "../../messages/nb.json" with { type: "json" };
import type { ForumSearchResult } from "../../server/forum/search-forum";
import ForumSearch from "./forum-search";

type SearchPageData = Parameters<typeof ForumSearch>[0]["loaderData"];

const result: ForumSearchResult = {
  threadId: "11111111-1111-4111-8111-111111111111",
  threadTitle: "Søvn og kvile",
  postId: "22222222-2222-4222-8222-222222222222",
  position: 31,
  authorPseudonym: "Fjellvatn",
  createdAt: new Date("2026-03-04T23:30:00Z"),
  snippet: [
    { text: "Mange ", highlighted: false },
    { text: "brukarar", highlighted: true },
    { text: " skriv <b>her</b>.", highlighted: false },
  ],
  contentWarning: null,
  mutedWords: [],
  inClosedGroup: false,
  categoryName: "Hverdag",
};

function searched(overrides: Partial<Extract<SearchPageData["search"], { status: "searched" }>> = {}): SearchPageData {
  return {
    query: "brukere",
    search: { status: "searched", results: [result], page: 1, hasNextPage: false, moreResultsThanShown: false, ignoredWordCount: 0, ...overrides },
  };
}

/** Server-render the search page with the given loader data, inside a router like the real one. */
async function renderSearchPage(loaderData: SearchPageData): Promise<string> {
  function Page() {
    return createElement(ForumSearch, { loaderData: useLoaderData() as SearchPageData } as Parameters<typeof ForumSearch>[0]);
  }
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "nb", csrfToken: "test-token", demo: false, viewer: null }),
      Component: Outlet,
      children: [{ path: "forum/search", loader: () => loaderData, Component: Page }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://127.0.0.1/forum/search"));
  if (context instanceof Response) throw new Error(`The test router returned a ${context.status} response.`);

  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

/** Return the first opening tag that matches, so checks do not depend on attribute order. */
function openingTag(html: string, pattern: RegExp): string {
  const tag = html.match(/<[a-z]+\b[^>]*>/g)?.find((candidate) => pattern.test(candidate));
  if (!tag) throw new Error(`No tag matches ${pattern}.`);
  return tag;
}

function decode(html: string): string {
  return html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

describe("forum search page", () => {
  test("form is a labelled GET form", async () => {
    const html = await renderSearchPage({ query: "", search: null });

    const form = openingTag(html, /^<form/);
    expect(form).toContain('method="get"');
    expect(form).toContain('action="/forum/search"');
    expect(html).toContain('<label class="ds-label" for="forum-search-query">');
    expect(openingTag(html, /id="forum-search-query"/)).toContain('name="q"');
  });

  test("matched word is marked and post text stays text", async () => {
    const html = await renderSearchPage(searched());

    expect(html).toContain("<mark>brukarar</mark>");
    expect(html).toContain("skriv &lt;b&gt;her&lt;/b&gt;.");
    expect(html).not.toContain("<b>her</b>");
  });

  test("result links to the post on its page", async () => {
    const html = await renderSearchPage(searched());

    expect(html).toContain(`href="/forum/threads/${result.threadId}?page=2#post-${result.postId}"`);
    expect(html).toContain(">Søvn og kvile</a>");
  });

  test("date is shown in Norwegian time", async () => {
    const html = await renderSearchPage(searched());

    expect(html).toContain('dateTime="2026-03-04T23:30:00.000Z"');
    expect(html).toMatch(/>5\. mars 2026,? (kl\. )?00:30</);
  });

  test("deleted account reads former member", async () => {
    const html = await renderSearchPage(searched({ results: [{ ...result, authorPseudonym: null }] }));

    expect(html).toContain(nb.forum_former_member);
    expect(html).not.toContain("Fjellvatn");
  });

  test("content warning folds the snippet", async () => {
    const html = decode(await renderSearchPage(searched({ results: [{ ...result, contentWarning: "Sjølvskading" }] })));

    const summary = nb.forum_post_content_warning_summary.replace("{warning}", "Sjølvskading");
    expect(html).toContain(`<details class="ds-details"><summary>${summary}</summary><div><p class="ds-paragraph forum-search-result__snippet">Mange <mark>brukarar</mark>`);
  });

  test("muted word folds the snippet", async () => {
    const html = decode(await renderSearchPage(searched({ results: [{ ...result, mutedWords: ["brukarar"], contentWarning: "Sjølvskading" }] })));

    const summary = nb.forum_post_muted_summary.replace("{words}", "brukarar");
    const warning = nb.forum_post_content_warning.replace("{warning}", "Sjølvskading");
    expect(html).toContain(`<details class="ds-details"><summary>${summary}</summary><div><p class="ds-paragraph">${warning}</p><p class="ds-paragraph forum-search-result__snippet">Mange`);
  });

  test("closed group is labelled", async () => {
    const html = await renderSearchPage(searched({ results: [{ ...result, inClosedGroup: true, categoryName: "Kafégjengen" }] }));

    expect(html).toContain(nb.forum_search_closed_group);
    expect(html).toContain("Kafégjengen");
  });

  test("pages link back and forward", async () => {
    const html = decode(await renderSearchPage(searched({ page: 2, hasNextPage: true })));

    expect(html).toMatch(new RegExp(`href="/forum/search\\?q=brukere"[^>]*>${nb.pagination_previous}</a>`));
    expect(html).toMatch(new RegExp(`href="/forum/search\\?q=brukere&page=3"[^>]*>${nb.pagination_next}</a>`));
  });

  test("first page has no previous link", async () => {
    const html = await renderSearchPage(searched({ hasNextPage: true }));

    expect(html).not.toContain(`>${nb.pagination_previous}</a>`);
    expect(html).toContain(`>${nb.pagination_next}</a>`);
  });

  test("no results offers a next step", async () => {
    const html = decode(await renderSearchPage(searched({ results: [] })));

    expect(html).toContain(nb.forum_search_no_results);
    expect(html).toContain(nb.forum_search_no_results_next_step);
    expect(html).toMatch(new RegExp(`href="/forum"[^>]*>${nb.forum_search_go_to_forum}</a>`));
  });

  test("query too long marks the field", async () => {
    const html = await renderSearchPage({ query: "a".repeat(300), search: { status: "query_too_long" } });

    const input = openingTag(html, /id="forum-search-query"/);
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="forum-search-help forum-search-error"');
    expect(html).toContain('id="forum-search-error"');
    expect(html).toContain(nb.forum_search_query_too_long.replace("{max}", "200"));
  });

});
