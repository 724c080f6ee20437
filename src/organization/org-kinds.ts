// The kinds of organisation and which may sit under which.
export const ORG_KINDS = ["committee", "general_branch", "branch", "group"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

const WORDS: Record<string, OrgKind> = {
  committee: "committee",
  党委: "committee",
  工委: "committee",
  党工委: "committee",
  general_branch: "general_branch",
  党总支: "general_branch",
  总支: "general_branch",
  branch: "branch",
  党支部: "branch",
  支部: "branch",
  group: "group",
  党小组: "group",
  小组: "group",
};

export function parseOrgKind(word: string): OrgKind | undefined {
  return WORDS[word.toLowerCase()];
}

const ALLOWED_PARENTS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  committee: [null, "committee"],
  general_branch: ["committee"],
  branch: ["committee", "general_branch"],
  group: ["branch"],
};

export function mayNest(kind: OrgKind, parent: OrgKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parent);
}
