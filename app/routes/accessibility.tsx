import { m } from "~/paraglide/messages";

export function meta() {
  return [{ title: `${m.accessibility_title()} – ReConnect` }];
}

export default function Accessibility() {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.accessibility_title()}
      </h1>
      <p className="ds-paragraph">{m.accessibility_intro()}</p>
      <h2 className="ds-heading" data-size="md">
        {m.accessibility_status_heading()}
      </h2>
      <p className="ds-paragraph">{m.accessibility_status_body()}</p>
      <h2 className="ds-heading" data-size="md">
        {m.accessibility_how_heading()}
      </h2>
      <ul className="ds-list">
        <li>{m.accessibility_how_keyboard()}</li>
        <li>{m.accessibility_how_zoom()}</li>
        <li>{m.accessibility_how_languages()}</li>
        <li>{m.accessibility_how_tested()}</li>
      </ul>
      <h2 className="ds-heading" data-size="md">
        {m.accessibility_known_gaps_heading()}
      </h2>
      <p className="ds-paragraph">{m.accessibility_known_gaps_body()}</p>
      <h2 className="ds-heading" data-size="md">
        {m.accessibility_feedback_heading()}
      </h2>
      <p className="ds-paragraph">{m.accessibility_feedback_body()}</p>
    </>
  );
}
