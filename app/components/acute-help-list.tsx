/** A help line worded for the request's language, so pages with a small script budget carry no wording in three languages. */
export interface WordedAcuteHelpEntry {
  name: string;
  number: string;
  hours: string | null;
}

/** Render the configured help lines with numbers that call when tapped. Used on the acute-help page and in the writer's crisis panel. */
export function AcuteHelpList({ entries }: { entries: readonly WordedAcuteHelpEntry[] }) {
  return (
    <ul className="acute-help-list">
      {entries.map((entry) => (
        <li key={entry.number} className="ds-card">
          <p className="ds-paragraph">{entry.name}</p>
          <a className="acute-help-number ds-link" href={`tel:${entry.number.replace(/\s/g, "")}`}>
            {entry.number}
          </a>
          {entry.hours ? (
            <p className="ds-paragraph" data-size="sm">
              {entry.hours}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
