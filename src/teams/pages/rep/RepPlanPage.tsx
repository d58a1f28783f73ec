import type { ReactElement } from "react";
import { RepPlanView } from "./RepPlanView.tsx";

/** `#/rep/<email>`: a rep's coaching plan. */
export default function RepPlanPage(props: { readonly email: string }): ReactElement {
  return <RepPlanView email={props.email} title={(name) => `${name}'s coaching plan`} />;
}
