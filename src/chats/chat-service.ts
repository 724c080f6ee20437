// Binding group chats to organisations with one-time codes.
import type { AccessService } from "../access/access-service.js";
import type { AuditRepository } from "../audit/audit-repository.js";
import { DomainError } from "../core/domain-error.js";
import type { ChatRef } from "../core/incoming.js";
import { shortCode } from "../core/short-code.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { ChatRepository } from "./chat-repository.js";

const BIND_CODE_HOURS = 24;

export class ChatService {
  constructor(
    private readonly repo: ChatRepository,
    private readonly orgs: OrganizationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  async boundOrganization(chat: ChatRef): Promise<OrgRecord | null> {
    if (chat.kind !== "group") return null;
    return this.orgs.boundToChat(chat.platform, chat.id);
  }

  async createBindCode(
    actorId: string,
    org: OrgRecord,
    now: Date,
  ): Promise<{ code: string; expiresAt: Date }> {
    await this.access.require(actorId, org.id, "secretary");
    const code = shortCode(6);
    const expiresAt = new Date(now.getTime() + BIND_CODE_HOURS * 3_600_000);
    await this.repo.createBindCode({ code, organizationId: org.id, createdById: actorId, expiresAt });
    return { code, expiresAt };
  }

  async bind(actorId: string, chat: ChatRef, code: string, now: Date): Promise<OrgRecord> {
    if (chat.kind !== "group") throw new DomainError("chats.bindInGroup");
    const bindCode = await this.repo.findBindCode(code);
    if (!bindCode) throw new DomainError("chats.codeUnknown");
    if (bindCode.usedAt) throw new DomainError("chats.codeUsed");
    if (bindCode.expiresAt <= now) throw new DomainError("chats.codeExpired");
    await this.access.require(actorId, bindCode.organizationId, "secretary");
    if (!(await this.repo.useBindCode(code, now))) throw new DomainError("chats.codeUsed");
    await this.repo.bind({
      platform: chat.platform,
      externalId: chat.id,
      title: chat.title ?? null,
      topic: chat.topic ?? null,
      organizationId: bindCode.organizationId,
      boundById: actorId,
      boundAt: now,
    });
    await this.audit
      .by(actorId, now)
      .did(bindCode.organizationId, "chat.bind", { platform: chat.platform, chat: chat.id });
    const org = await this.orgs.findById(bindCode.organizationId);
    if (!org) throw new DomainError("orgs.notFound", { code: "" });
    return org;
  }

  async unbind(actorId: string, chat: ChatRef, now: Date): Promise<OrgRecord> {
    const org = await this.boundOrganization(chat);
    if (!org) throw new DomainError("chats.notBound");
    await this.access.require(actorId, org.id, "secretary");
    await this.repo.unbind(chat.platform, chat.id);
    await this.audit.by(actorId, now).did(org.id, "chat.unbind", { platform: chat.platform, chat: chat.id });
    return org;
  }

  boundOrganizationIds(): Promise<Set<string>> {
    return this.repo.boundOrganizationIds();
  }

  boundChats(organizationId: string) {
    return this.repo.boundTo(organizationId);
  }
}
