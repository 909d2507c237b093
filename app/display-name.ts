import { m } from "~/paraglide/messages";
import type { DisplayName } from "../server/identity/list-display-names";

/** Label a person for an administrator: a pseudonym is marked as one, so it is never mistaken for a real name. */
export function displayNameText(name: DisplayName): string {
  switch (name.kind) {
    case "pseudonym":
      return m.admin_name_pseudonym({ name: name.text });
    case "real_name":
      return name.text;
    case "none":
      return m.admin_name_none();
  }
}
