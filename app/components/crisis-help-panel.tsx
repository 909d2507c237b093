import { AcuteHelpList, type WordedAcuteHelpEntry } from "~/components/acute-help-list";

/** The crisis panel's wording, made on the server in the request's language. */
export interface CrisisHelpPanelText {
  heading: string;
  /** The outcome for the post: a moderator will read it, or it waits for one. */
  outcome: string;
  notForEmergencies: string;
  acuteHelpLink: string;
  entries: WordedAcuteHelpEntry[];
  /** The writer's own crisis plan, once the toolbox offers one; null until then. */
  crisisPlan: { href: string; text: string } | null;
}

/**
 * Show the writer, calmly, that we noticed what they wrote, what happens with
 * their post, and where to get help now. A neutral info alert rather than a
 * red one: the writer may already be frightened.
 */
export function CrisisHelpPanel({ id, text }: { id: string; text: CrisisHelpPanelText }) {
  return (
    <section id={id} className="ds-alert crisis-help-panel stack" data-color="info" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="ds-heading" data-size="xs">
        {text.heading}
      </h2>
      <p className="ds-paragraph">{text.outcome}</p>
      <p className="ds-paragraph">{text.notForEmergencies}</p>
      <AcuteHelpList entries={text.entries} />
      <p className="ds-paragraph">
        <a className="ds-link" href="/acute-help">
          {text.acuteHelpLink}
        </a>
        {text.crisisPlan ? (
          <>
            {" · "}
            <a className="ds-link" href={text.crisisPlan.href}>
              {text.crisisPlan.text}
            </a>
          </>
        ) : null}
      </p>
    </section>
  );
}
