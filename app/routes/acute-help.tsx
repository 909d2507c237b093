import { m } from "~/paraglide/messages";
import type { AcuteHelpEntry } from "../../server/platform/config";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/acute-help";

export function meta() {
  return [{ title: `${m.acute_help_title()} – ReConnect` }];
}

// Public, unauthenticated: the help numbers must reach anyone, signed in or not.
export function loader({ context }: Route.LoaderArgs) {
  return { entries: context.get(requestContext).portal.config.acuteHelp };
}

function serviceName(entry: AcuteHelpEntry): string {
  switch (entry.kind) {
    case "emergency":
      return m.acute_help_emergency();
    case "out_of_hours":
      return m.acute_help_out_of_hours();
    case "mental_helse":
      return m.acute_help_mental_helse();
    case "kirkens_sos":
      return m.acute_help_kirkens_sos();
    default:
      return entry.name ?? entry.number;
  }
}

export default function AcuteHelp({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.acute_help_title()}
      </h1>
      <div className="ds-alert" data-color="danger">
        <p className="ds-paragraph">{m.acute_help_intro()}</p>
      </div>
      <ul className="acute-help-list">
        {loaderData.entries.map((entry) => (
          <li key={entry.number} className="ds-card">
            <p className="ds-paragraph">{entry.kind === "other" ? entry.name : serviceName(entry)}</p>
            <a className="acute-help-number ds-link" href={`tel:${entry.number.replace(/\s/g, "")}`}>
              {entry.number}
            </a>
            {entry.hours ? <p className="ds-paragraph" data-size="sm">{entry.hours}</p> : null}
          </li>
        ))}
      </ul>
      <p className="ds-paragraph">{m.acute_help_not_for_emergencies()}</p>
    </>
  );
}
