import {
  Avatar,
  Button,
  Menu,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from "@fluentui/react-components";
import { PersonSwap20Regular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useSession } from "./session.ts";

/** Who is signed in; in the demo, a way to become someone else. */
export function PersonMenu(): ReactElement {
  const session = useSession();
  const { person } = session.me;
  if (session.me.mode !== "demo") {
    return (
      <Avatar name={person.name} size={28} color="colorful" aria-label={`Signed in as ${person.name}`} />
    );
  }
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        {/* Named by its content, the avatar's label: an aria-label would not hold the initials shown (label in name). */}
        <Button
          appearance="subtle"
          icon={
            <Avatar
              name={person.name}
              size={28}
              color="colorful"
              aria-label={`Signed in as ${person.name}`}
            />
          }
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroupHeader>
            {person.name} ({person.email})
          </MenuGroupHeader>
          <MenuItem icon={<PersonSwap20Regular />} onClick={session.signOut}>
            Sign in as someone else
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
