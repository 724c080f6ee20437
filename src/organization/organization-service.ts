// The organisation tree: creating nodes, reading the tree an actor may see, settings.
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError, Forbidden } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import { mayNest, type OrgKind } from "./org-kinds.js";
import type { OrganizationRepository, OrgRecord } from "./organization-repository.js";
import { type EffectiveSetting, effectiveSettings, type SettingKey } from "./settings.js";

export interface TreeNode {
  org: OrgRecord;
  depth: number;
}

export class OrganizationService {
  constructor(
    private readonly repo: OrganizationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  findByCode(code: string): Promise<OrgRecord | null> {
    return this.repo.findByCode(code);
  }

  async requireByCode(code: string): Promise<OrgRecord> {
    const org = await this.repo.findByCode(code);
    if (!org) throw new DomainError("orgs.notFound", { code });
    return org;
  }

  findById(id: string): Promise<OrgRecord | null> {
    return this.repo.findById(id);
  }

  async create(actorId: string, input: { kind: OrgKind; name: string; parent: OrgRecord | null }, now: Date) {
    const { kind, name, parent } = input;
    if (!mayNest(kind, (parent?.kind as OrgKind | undefined) ?? null)) {
      throw new DomainError("orgs.cannotNest", { kind, parent: parent?.kind ?? "-" });
    }
    if (parent) {
      // A secretary may add party groups to their own branch; anything else is an administrator's.
      const needed = kind === "group" ? "secretary" : "org_admin";
      await this.access.require(actorId, parent.id, needed);
      if (await this.repo.findChildByName(parent.id, name))
        throw new DomainError("orgs.duplicateName", { name });
    } else if (!(await this.access.isInstallationAdmin(actorId))) {
      throw new Forbidden();
    }
    const org = await this.repo.create({
      code: await this.#freshCode(),
      kind,
      name,
      parentId: parent?.id ?? null,
      createdAt: now,
    });
    await this.audit.by(actorId, now).did(org.id, "org.create", { kind, name });
    return org;
  }

  /** What the actor may see: subtrees they administer or lead, and the branches they belong to. */
  async visibleTree(actorId: string): Promise<TreeNode[]> {
    const roots: OrgRecord[] = (await this.access.isInstallationAdmin(actorId))
      ? await this.repo.children(null)
      : (
          await Promise.all((await this.access.organizationsOf(actorId)).map((id) => this.repo.findById(id)))
        ).filter((o): o is OrgRecord => o !== null);
    const seen = new Set<string>();
    const nodes: TreeNode[] = [];
    for (const root of roots) {
      if (seen.has(root.id)) continue;
      // Printed depth first, so each organisation is followed by its own children (a party
      // group under its branch, not after every branch of the committee).
      const subtree = await this.repo.subtree(root.id);
      const childrenOf = new Map<string, OrgRecord[]>();
      for (const org of subtree)
        if (org.parentId) childrenOf.set(org.parentId, [...(childrenOf.get(org.parentId) ?? []), org]);
      const visit = (org: OrgRecord, depth: number) => {
        if (seen.has(org.id)) return;
        seen.add(org.id);
        nodes.push({ org, depth });
        for (const child of childrenOf.get(org.id) ?? []) visit(child, depth + 1);
      };
      visit(subtree.find((o) => o.id === root.id) ?? root, 0);
    }
    return nodes;
  }

  ofKind(kind: string) {
    return this.repo.allOfKind(kind);
  }

  /** Every branch of the installation: what the branch-by-branch jobs walk. */
  branches() {
    return this.repo.allOfKind("branch");
  }

  children(orgId: string) {
    return this.repo.children(orgId);
  }

  subtree(orgId: string) {
    return this.repo.subtree(orgId);
  }

  async settings(orgId: string): Promise<Record<SettingKey, EffectiveSetting>> {
    return effectiveSettings(await this.repo.chain(orgId));
  }

  async setSetting(
    actorId: string,
    org: OrgRecord,
    key: SettingKey,
    value: unknown,
    now: Date,
  ): Promise<void> {
    await this.access.require(
      actorId,
      org.id,
      org.kind === "branch" || org.kind === "group" ? "secretary" : "org_admin",
    );
    await this.repo.saveSettings(org.id, { ...org.settings, [key]: value });
    await this.audit.by(actorId, now).did(org.id, "settings.set", { key, value });
  }

  async #freshCode(): Promise<string> {
    for (;;) {
      const code = shortCode(5);
      if (!(await this.repo.codeTaken(code))) return code;
    }
  }
}
