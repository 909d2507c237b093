import { m } from "~/paraglide/messages";
import type { MeetupKind } from "../../server/cafes/meetup-rules";

/** Word the kind of a meet-up, for the proposal form and the tag beside a title. */
export function meetupKindLabel(kind: MeetupKind): string {
  switch (kind) {
    case "coffee":
      return m.meetup_kind_coffee();
    case "walk":
      return m.meetup_kind_walk();
    case "other":
      return m.meetup_kind_other();
  }
}
