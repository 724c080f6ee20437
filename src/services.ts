// The domain services a command can use, wired together over one database handle: plain reads or
// one transaction (service-scope.ts hands them out, so a command's writes commit together or not
// at all). Each is built the first time it is read, with the repositories it shares.

import { AccessService } from "./access/access-service.js";
import { ContextRepository } from "./access/context-repository.js";
import { ContextService } from "./access/context-service.js";
import { CalendarRepository } from "./calendar/calendar-repository.js";
import { CalendarService } from "./calendar/calendar-service.js";
import { ChartService } from "./charts/chart-service.js";
import { ChatService } from "./chats/chat-service.js";
import { HouseholdService } from "./community/household-service.js";
import { Participation } from "./community/participation.js";
import { VolunteerService } from "./community/volunteer-service.js";
import { WishService } from "./community/wish-service.js";
import { PromptService } from "./conversation/prompt-service.js";
import type { AfterCommit as CommitHook } from "./core/after-commit.js";
import type { Clock } from "./core/clock.js";
import type { Coalescer } from "./core/coalescer.js";
import { lazily } from "./core/lazily.js";
import type { PrivateFiles } from "./core/private-files.js";
import type { Database, Tx } from "./db/database.js";
import type { RawSql } from "./db/raw-sql.js";
import { OutboxRepository } from "./delivery/outbox-repository.js";
import { OutboxService } from "./delivery/outbox-service.js";
import { PaceRepository } from "./delivery/pace-repository.js";
import { DevelopmentChecks } from "./development/development-checks.js";
import { DevelopmentFiles } from "./development/development-files.js";
import { DevelopmentService } from "./development/development-service.js";
import { DuesService } from "./dues/dues-service.js";
import { EvaluationRepository } from "./evaluation/evaluation-repository.js";
import { EvaluationService } from "./evaluation/evaluation-service.js";
import { ExportService } from "./exports/export-service.js";
import { IdentityRepository } from "./identity/identity-repository.js";
import { IdentityService } from "./identity/identity-service.js";
import { JobRunRepository } from "./job-runs/job-run-repository.js";
import { LeaderboardService } from "./leaderboard/leaderboard-service.js";
import { MeetingDraftRepository } from "./meetings/meeting-draft-repository.js";
import { MeetingDraftService } from "./meetings/meeting-drafts.js";
import { MeetingSeriesService } from "./meetings/meeting-series.js";
import { type Meetings, meetingsOver } from "./meetings/meetings.js";
import { SeriesRepository } from "./meetings/series-repository.js";
import { InviteRepository } from "./membership/invite-repository.js";
import { MembershipService } from "./membership/membership-service.js";
import { RegistrationService } from "./membership/registration-service.js";
import { TransferRepository } from "./membership/transfer-repository.js";
import { TransferService } from "./membership/transfer-service.js";
import type { OrgZones } from "./organization/org-zones.js";
import { OrganizationService } from "./organization/organization-service.js";
import { repositoriesOver } from "./repositories.js";
import { UpdateLedger } from "./updates/update-ledger.js";
import { WarningService } from "./warnings/warning-service.js";

export interface Services {
  identity: IdentityService;
  updates: UpdateLedger;
  access: AccessService;
  context: ContextService;
  /** Which zone an organisation's days are in. */
  zones: OrgZones;
  orgs: OrganizationService;
  chats: ChatService;
  membership: MembershipService;
  registrations: RegistrationService;
  transfers: TransferService;
  calendar: CalendarService;
  /** Meetings understood from one sentence, awaiting 确认. */
  drafts: MeetingDraftService;
  /** Recurring meetings: their rules and occurrences. */
  series: MeetingSeriesService;
  meetings: Meetings;
  prompts: PromptService;
  outbox: OutboxService;
  jobRuns: JobRunRepository;
  warnings: WarningService;
  leaderboard: LeaderboardService;
  exports: ExportService;
  charts: ChartService;
  volunteers: VolunteerService;
  wishes: WishService;
  households: HouseholdService;
  community: Participation;
  dues: DuesService;
  evaluation: EvaluationService;
  /** 发展党员: records kept step by step. */
  development: DevelopmentService;
  /** 发展党员: the records as people read them (pipeline, files, workbooks, nudges' facts). */
  developmentFiles: DevelopmentFiles;
}

export interface ServiceDeps {
  clock: Clock;
  defaultTimeZone: string;
  /** Where files with personal data are written while they are sent. */
  files: PrivateFiles;
  /** The bot's own HTTP address as people reach it (calendar subscriptions); PUBLIC_URL. */
  publicUrl?: string;
  /** Work registered to run after a transaction commits failed (it cannot undo the commit). */
  onAfterCommitError?: (error: unknown) => void;
}

/** Registers work to run once the current transaction has committed, with plain services. */
export type AfterCommit = CommitHook<Services>;

export function createServices(
  db: Tx,
  /** The hot path's raw SQL: the driver's outside transactions, the transaction's inside. */
  raw: RawSql,
  deps: ServiceDeps & { provider: Database["provider"]; hotMarkers: Coalescer | null },
  afterCommit: AfterCommit,
): Services {
  // The repositories and services are built when first read, so a command builds what it uses.
  const r = repositoriesOver(db, raw, deps.defaultTimeZone);
  const s: Services = lazily<Services>({
    identity: () => new IdentityService(db),
    updates: () => new UpdateLedger(db),
    access: () => new AccessService(db, r.orgs, r.members),
    context: () => new ContextService(s.identity, r.orgs, s.access, new ContextRepository(raw)),
    zones: () => r.zones,
    orgs: () => new OrganizationService(r.orgs, s.access, r.audit),
    chats: () => new ChatService(r.chats, r.orgs, s.access, r.audit),
    membership: () =>
      new MembershipService(r.members, r.registrations, new InviteRepository(db), r.orgs, s.access, r.audit),
    registrations: () => new RegistrationService(r.registrations, r.members, r.orgs, s.access, r.audit),
    transfers: () =>
      new TransferService(
        new TransferRepository(db),
        r.members,
        s.membership,
        r.orgs,
        s.access,
        r.audit,
        r.tallies,
      ),
    calendar: () =>
      new CalendarService(new CalendarRepository(db), r.members, deps.publicUrl ?? "http://127.0.0.1:3000"),
    drafts: () => new MeetingDraftService(new MeetingDraftRepository(db), s.meetings, s.series, r.orgs),
    series: () =>
      new MeetingSeriesService(new SeriesRepository(db), s.meetings, r.orgs, s.access, r.audit, r.zones),
    meetings: () =>
      meetingsOver({
        meetings: r.meetings,
        attendance: r.attendance,
        leaves: r.leaves,
        members: r.members,
        orgs: r.orgs,
        access: s.access,
        roles: r.access,
        audit: r.audit,
        tallies: r.tallies,
        zones: r.zones,
      }),
    prompts: () => new PromptService(db),
    outbox: () =>
      new OutboxService(
        new OutboxRepository(db, raw, deps.provider),
        r.chats,
        new IdentityRepository(db),
        afterCommit,
        deps.hotMarkers,
        new PaceRepository(raw, deps.provider),
      ),
    jobRuns: () => new JobRunRepository(db),
    warnings: () =>
      new WarningService(r.meetingReads, r.members, r.orgs, s.access, r.access, s.dues, r.zones),
    leaderboard: () =>
      new LeaderboardService(
        r.leaderboard,
        r.tallyRows,
        r.tallies,
        r.members,
        r.zones,
        deps.provider,
        // Prisma's PostgreSQL queries go through the driver's socket too; SQLite's only through the
        // read worker, outside transactions.
        deps.provider === "postgresql" || raw.offThread === true,
      ),
    exports: () =>
      new ExportService(
        r.meetingReads,
        r.members,
        r.orgs,
        s.leaderboard,
        s.warnings,
        s.access,
        s.dues,
        s.developmentFiles,
        deps.files,
        r.zones,
      ),
    charts: () => new ChartService(s.leaderboard, s.access, deps.files, r.zones),
    volunteers: () => new VolunteerService(r.community, r.members, r.orgs, s.access, s.community, r.tallies),
    wishes: () => new WishService(r.community, r.members, r.orgs, s.access, s.community, r.tallies),
    households: () => new HouseholdService(r.community, r.members, s.access),
    community: () => new Participation(r.members, r.registrations, r.orgs, s.access),
    dues: () => new DuesService(r.dues, r.members, r.meetingReads, s.access),
    evaluation: () =>
      new EvaluationService(
        new EvaluationRepository(db),
        r.orgs,
        r.members,
        r.meetingReads,
        r.leaderboard,
        r.dues,
        s.access,
        r.zones,
      ),
    development: () =>
      new DevelopmentService(
        r.development,
        r.members,
        new DevelopmentChecks(r.members, r.meetingReads),
        r.orgs,
        s.access,
        r.audit,
        r.zones,
      ),
    developmentFiles: () =>
      new DevelopmentFiles(r.development, r.members, r.orgs, s.access, r.access, deps.files, r.zones),
  });
  return s;
}
