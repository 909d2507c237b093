import markdownIt, { type MarkdownIt, type StateCore, type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Renders forum posts from a small CommonMark subset to HTML that is safe to
 * store in forum_posts.body_html and to send to any reader.
 *
 * Supported: paragraphs, emphasis, strong emphasis, bullet and ordered
 * lists, block quotes, inline, reference and autolinks, bare http(s) URLs,
 * hard and soft line breaks, backslash escapes and entities. Headings, code,
 * thematic breaks, tables, strikethrough and raw HTML stay literal text.
 */

/** The rel value of every link: search engines pass no ranking to members' links, and an opened page gets no window.opener. */
const POST_LINK_REL = "nofollow ugc noopener";

const ALLOWED_SCHEMES = ["http", "https", "mailto"];

const ALLOWED_TAGS = ["p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"];

// Block and inline rules of markdown-it's "commonmark" preset that the forum does not support.
const DISABLED_RULES = ["heading", "lheading", "code", "fence", "hr", "html_block", "html_inline", "backticks"];

const markdownParser = createMarkdownParser();

/** Renders a post body written in Markdown to sanitised HTML. */
export function renderPostMarkdown(source: string): string {
  const html = markdownParser.render(source);

  // The markdown-it output is already restricted. sanitize-html is a second,
  // independent allowlist in case a parser rule or option changes later.
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
    allowedSchemes: ALLOWED_SCHEMES,
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: POST_LINK_REL } }) },
  });
}

/**
 * Returns the start of a reply that quotes a post: every line prefixed with
 * "> " (empty lines with ">"), then a blank line so the reply's own text
 * starts a new paragraph outside the block quote.
 */
export function quoteMarkdown(source: string): string {
  const lines = source.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  const quoted = lines.map((line) => (line.trim() === "" ? ">" : `> ${line}`));

  return `${quoted.join("\n")}\n\n`;
}

/**
 * Decides whether a link destination may become an href: http, https and
 * mailto URLs, and paths on this site. The destination has already been
 * percent-encoded by markdown-it, so a tab or newline cannot hide a scheme.
 */
function isAllowedHref(href: string): boolean {
  // Browsers ignore tabs and newlines in URLs and read a backslash as a slash,
  // so "/\evil.example" would leave the site like "//evil.example" does. This
  // repeats the guard in case a destination ever reaches here unencoded.
  if (Array.from(href).some((character) => character <= " " || character === "\\")) {
    return false;
  }

  if (href.startsWith("/")) {
    return !href.startsWith("//");
  }

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1];

  return scheme !== undefined && ALLOWED_SCHEMES.includes(scheme.toLowerCase());
}

function createMarkdownParser(): MarkdownIt {
  // NOTE: past maxNesting levels of block quotes and lists, markdown-it stops
  // parsing and the rest of the post is missing from the HTML (the Markdown
  // body keeps it). 20 is the value of markdown-it's CommonMark preset.
  const parser = markdownIt("commonmark", { html: false, xhtmlOut: false, breaks: false, linkify: true, typographer: false, maxNesting: 20 });

  parser.disable(DISABLED_RULES);
  parser.enable(["linkify"]);

  // Link only bare URLs that start with http:// or https://. Words like
  // "example.no" or "name@example.no" stay text, because a post often names a
  // place or an address without meaning a link.
  parser.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  parser.linkify.add("ftp:", null).add("//", null).add("mailto:", null);

  // Parse every destination as CommonMark does, so a rejected link shows its
  // text instead of its raw Markdown. unlinkUnsafeLinks removes those links
  // before rendering.
  parser.validateLink = () => true;
  parser.core.ruler.push("forum_links", unlinkUnsafeLinks);

  return parser;
}

/** Replaces images with links, drops links whose href is not allowed and sets the rel of the rest. */
function unlinkUnsafeLinks(state: StateCore): void {
  for (const blockToken of state.tokens) {
    if (blockToken.type === "inline" && blockToken.children) {
      blockToken.children = rewriteInlineTokens(blockToken.children, state);
    }
  }
}

function rewriteInlineTokens(tokens: Token[], state: StateCore): Token[] {
  const output: Token[] = [];
  // One entry per open link_open token: whether it was kept as a link.
  const openLinks: boolean[] = [];

  for (const token of tokens) {
    const insideLink = openLinks.includes(true);

    if (token.type === "link_open") {
      const href = stringAttribute(token, "href");
      // CommonMark never nests links. The check guards against a later rule that would, because nested <a> is invalid HTML.
      const keep = !insideLink && isAllowedHref(href);
      openLinks.push(keep);
      if (keep) {
        token.attrs = [
          ["href", href],
          ["rel", POST_LINK_REL],
        ];
        output.push(token);
      }
    } else if (token.type === "link_close") {
      if (openLinks.pop()) {
        output.push(token);
      }
    } else if (token.type === "image") {
      output.push(...imageAsLink(token, state, insideLink));
    } else {
      output.push(token);
    }
  }

  return output;
}

/**
 * Turns an image into a link to it, so a reader's browser never fetches a
 * remote image, which would tell its host the reader's IP address. The link
 * text is the alt text, or the URL when the alt text is empty.
 */
function imageAsLink(image: Token, state: StateCore, insideLink: boolean): Token[] {
  const src = stringAttribute(image, "src");
  const alt = state.md.renderer.renderInlineAsText(image.children ?? [], state.md.options, state.env);

  const text = new state.Token("text", "", 0);
  text.content = alt === "" ? state.md.normalizeLinkText(src) : alt;

  if (insideLink || !isAllowedHref(src)) {
    return [text];
  }

  const linkOpen = new state.Token("link_open", "a", 1);
  linkOpen.attrs = [
    ["href", src],
    ["rel", POST_LINK_REL],
  ];
  const linkClose = new state.Token("link_close", "a", -1);

  return [linkOpen, text, linkClose];
}

function stringAttribute(token: Token, name: string): string {
  const value = token.attrGet(name);

  return value === null ? "" : String(value);
}
