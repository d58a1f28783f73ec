/** A person of the demo tenant as the server's demo sign-in lists them. */
export interface DemoPersonInfo {
  readonly objectId: string;
  readonly name: string;
  readonly email: string;
  readonly role: "rep" | "manager" | "executive";
  readonly managerName: string | null;
}

/** The demo tenant's people, from the running server (the seed decides names; tests look them up). */
export async function demoPeople(baseUrl: string): Promise<readonly DemoPersonInfo[]> {
  const response = await fetch(`${baseUrl}/api/demo/people`);
  if (!response.ok) throw new Error(`GET /api/demo/people answered ${response.status}`);
  const body = (await response.json()) as { readonly people: readonly DemoPersonInfo[] };
  return body.people;
}

export function personNamed(people: readonly DemoPersonInfo[], name: string): DemoPersonInfo {
  const person = people.find((candidate) => candidate.name === name);
  if (person === undefined) throw new Error(`The demo tenant has nobody named ${name}`);
  return person;
}
