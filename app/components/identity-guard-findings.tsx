import { useId, type ReactNode } from "react";

import { m } from "~/paraglide/messages";
import type { IdentifyingDetail, IdentifyingDetailKind } from "../../server/forum/identity-guard/find-identifying-details";

/** One reason per kind, in the reader's language. The server words them, so the browser bundle carries no reason texts. */
export type IdentityGuardReasons = Partial<Record<IdentifyingDetailKind, string>>;

/**
 * Return the findings that fit `text`, in order, so no wrong words are marked. A finding is left out when it lies
 * outside the text, overlaps an earlier one, or its `match` differs from the text at its offsets (the text changed
 * after the check).
 */
function findingsInText(text: string, details: IdentifyingDetail[]): IdentifyingDetail[] {
  const sorted = [...details].sort((a, b) => a.start - b.start);
  const fitting: IdentifyingDetail[] = [];
  let covered = 0;

  for (const detail of sorted) {
    if (detail.start < covered || detail.end <= detail.start || detail.end > text.length) continue;
    if (text.slice(detail.start, detail.end) !== detail.match) continue;
    fitting.push(detail);
    covered = detail.end;
  }
  return fitting;
}

/** Return each kind found, in order of first appearance, with its distinct matched texts. */
function matchesByKind(details: IdentifyingDetail[]): Map<IdentifyingDetailKind, string[]> {
  const byKind = new Map<IdentifyingDetailKind, string[]>();
  for (const detail of details) {
    const matches = byKind.get(detail.kind) ?? [];
    if (!matches.includes(detail.match)) matches.push(detail.match);
    byKind.set(detail.kind, matches);
  }
  return byKind;
}

/** Split the text into plain runs and <mark> elements, each mark described by the reason for its kind. */
function markedText(text: string, details: IdentifyingDetail[], reasonId: (kind: IdentifyingDetailKind) => string): ReactNode[] {
  const parts: ReactNode[] = [];
  let position = 0;

  for (const detail of details) {
    if (detail.start > position) parts.push(text.slice(position, detail.start));
    parts.push(
      <mark key={detail.start} className="identity-guard__mark" aria-describedby={reasonId(detail.kind)}>
        {detail.match}
      </mark>,
    );
    position = detail.end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return parts;
}

/**
 * Show a post's text with the details that may identify the writer or others marked, and below it one reason per
 * kind of detail, with the marked words quoted. Each mark's aria-describedby points at its reason. Renders nothing
 * when there are no findings. Server-rendered and static: it needs no JavaScript in the browser.
 */
export function IdentityGuardFindings({ text, details, reasons }: { text: string; details: IdentifyingDetail[]; reasons: IdentityGuardReasons }) {
  const idPrefix = useId();
  const findings = findingsInText(text, details);
  if (findings.length === 0) return null;

  const headingId = `${idPrefix}-heading`;
  const reasonId = (kind: IdentifyingDetailKind) => `${idPrefix}-reason-${kind}`;

  return (
    <section className="ds-alert identity-guard" data-color="warning" aria-labelledby={headingId}>
      <h2 className="ds-heading" data-size="xs" id={headingId}>
        {m.forum_guard_heading()}
      </h2>
      <p className="ds-paragraph">{m.forum_guard_intro()}</p>
      <div className="ds-paragraph identity-guard__text">{markedText(text, findings, reasonId)}</div>
      <ul className="ds-list identity-guard__reasons">
        {[...matchesByKind(findings)].map(([kind, matches]) => (
          <li key={kind}>
            <span className="identity-guard__matches">
              {matches.map((match) => (
                <q key={match}>{match}</q>
              ))}
            </span>
            <span className="identity-guard__reason" id={reasonId(kind)}>
              {reasons[kind]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
