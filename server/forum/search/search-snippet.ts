/**
 * Snippets of matching posts, made by PostgreSQL's `ts_headline` and split
 * here into plain-text segments. The page renders highlighted segments in
 * `<mark>` as React text, so a post's text is never parsed as HTML.
 */

export interface SnippetSegment {
  text: string;
  highlighted: boolean;
}

// Private-use characters mark a highlight. Search removes them from the body before `ts_headline` runs, so a post cannot fake one.
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";
export const HIGHLIGHT_MARKERS = HIGHLIGHT_START + HIGHLIGHT_STOP;

/**
 * Options for `ts_headline`: up to two passages of 12–30 words around the
 * matches, joined by an ellipsis. Without a match in the body (a thread
 * title matched) it returns the body's first words.
 */
export const SNIPPET_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Split `ts_headline` output at the highlight markers, collapsing whitespace such as the Markdown's line breaks. */
export function snippetSegments(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let highlighted = false;
  let text = "";

  const flush = () => {
    const collapsed = text.replace(/\s+/g, " ");
    if (collapsed !== "") segments.push({ text: collapsed, highlighted });
    text = "";
  };

  for (const character of headline.trim()) {
    if (character === HIGHLIGHT_START || character === HIGHLIGHT_STOP) {
      flush();
      highlighted = character === HIGHLIGHT_START;
    } else {
      text += character;
    }
  }
  flush();
  return segments;
}
