import { wordAcuteHelpEntries } from "~/acute-help-service-name";
import { AcuteHelpList } from "~/components/acute-help-list";
import { m } from "~/paraglide/messages";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/acute-help";

export function meta() {
  return [{ title: `${m.acute_help_title()} – ReConnect` }];
}

// Public, unauthenticated: the help numbers must reach anyone, signed in or not.
export function loader({ context }: Route.LoaderArgs) {
  return { entries: wordAcuteHelpEntries(context.get(requestContext).portal.config.acuteHelp) };
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
      <AcuteHelpList entries={loaderData.entries} />
      <p className="ds-paragraph">{m.acute_help_not_for_emergencies()}</p>
    </>
  );
}
