// The domain services a command can use, wired together over one database handle: plain reads or
// one transaction (service-scope.ts hands them out, so a command's writes commit together or not
// at all).

import { AccessRepository } from "./access/access-repository.js";
import { AccessService } from "./access/access-service.js";
import { ContextRepository } from "./access/context-repository.js";
import { ContextService } from "./access/context-service.js";
import { AuditRepository } from "./audit/audit-repository.js";
import { CalendarRepository } from "./calendar/calendar-repository.js";
import { CalendarService } from "./calendar/calendar-service.js";
import { ChartService } from "./charts/chart-service.js";
import { ChatRepository } from "./chats/chat-repository.js";
import { ChatService } from "./chats/chat-service.js";
import { CommunityRepository } from "./community/community-repository.js";
import { HouseholdService } from "./community/household-service.js";
import { Participation } from "./community/participation.js";
import { VolunteerService } from "./community/volunteer-service.js";
import { WishService } from "./community/wish-service.js";
import { PromptService } from "./conversation/prompt-service.js";
import type { AfterCommit as CommitHook } from "./core/after-commit.js";
import type { Clock } from "./core/clock.js";
import type { Coalescer } from "./core/coalescer.js";
import type { PrivateFiles } from "./core/private-files.js";
import type { Database, Tx } from "./db/database.js";
import type { RawSql } from "./db/raw-sql.js";
import { OutboxRepository } from "./delivery/outbox-repository.js";
import { OutboxService } from "./delivery/outbox-service.js";
import { PaceRepository } from "./delivery/pace-repository.js";
import { DevelopmentChecks } from "./development/development-checks.js";
import { DevelopmentFiles } from "./development/development-files.js";
import { DevelopmentRepository } from "./development/development-repository.js";
import { DevelopmentService } from "./development/development-service.js";
import { DuesRepository } from "./dues/dues-repository.js";
import { DuesService } from "./dues/dues-service.js";
import { EvaluationRepository } from "./evaluation/evaluation-repository.js";
import { EvaluationService } from "./evaluation/evaluation-service.js";
import { ExportService } from "./exports/export-service.js";
import { IdentityRepository } from "./identity/identity-repository.js";
import { IdentityService } from "./identity/identity-service.js";
import { JobRunRepository } from "./job-runs/job-run-repository.js";
import { LeaderboardRepository } from "./leaderboard/leaderboard-repository.js";
import { LeaderboardService } from "./leaderboard/leaderboard-service.js";
import { TallyKeeper } from "./leaderboard/tally-keeper.js";
import { TallyRepository } from "./leaderboard/tally-repository.js";
import { MeetingDraftRepository } from "./meetings/meeting-draft-repository.js";
import { MeetingDraftService } from "./meetings/meeting-drafts.js";
import { MeetingRepository } from "./meetings/meeting-repository.js";
import { MeetingSeriesService } from "./meetings/meeting-series.js";
import { MeetingService } from "./meetings/meeting-service.js";
import { SeriesRepository } from "./meetings/series-repository.js";
import { InviteRepository } from "./membership/invite-repository.js";
import { MemberRepository } from "./membership/member-repository.js";
import { MembershipService } from "./membership/membership-service.js";
import { RegistrationRepository } from "./membership/registration-repository.js";
import { RegistrationService } from "./membership/registration-service.js";
import { TransferRepository } from "./membership/transfer-repository.js";
import { TransferService } from "./membership/transfer-service.js";
import { OrganizationRepository } from "./organization/organization-repository.js";
import { OrganizationService } from "./organization/organization-service.js";
import { UpdateLedger } from "./updates/update-ledger.js";
import { WarningService } from "./warnings/warning-service.js";

export interface Services {
  identity: IdentityService;
  updates: UpdateLedger;
  access: AccessService;
  context: ContextService;
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
  meetings: MeetingService;
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
  const orgRepo = new OrganizationRepository(db);
  const memberRepo = new MemberRepository(db);
  const audit = new AuditRepository(db);
  const identity = new IdentityService(db);
  const access = new AccessService(db, orgRepo, memberRepo);
  const chatRepo = new ChatRepository(db);
  const meetingRepo = new MeetingRepository(db, raw);
  const tallyRepo = new TallyRepository(db, raw);
  const tallies = new TallyKeeper(tallyRepo, orgRepo, deps.defaultTimeZone);
  const leaderboard = new LeaderboardService(
    new LeaderboardRepository(db, raw),
    tallyRepo,
    tallies,
    memberRepo,
    deps.defaultTimeZone,
    deps.provider,
    // Prisma's PostgreSQL queries go through the driver's socket too; SQLite's only through the
    // read worker, outside transactions.
    deps.provider === "postgresql" || raw.offThread === true,
  );
  const dues = new DuesService(new DuesRepository(db), memberRepo, meetingRepo, access);
  const warnings = new WarningService(
    meetingRepo,
    memberRepo,
    orgRepo,
    access,
    new AccessRepository(db),
    dues,
    deps.defaultTimeZone,
  );
  const meetings = new MeetingService(
    meetingRepo,
    memberRepo,
    orgRepo,
    access,
    new AccessRepository(db),
    audit,
    tallies,
    deps.defaultTimeZone,
  );
  const series = new MeetingSeriesService(new SeriesRepository(db), meetings, orgRepo, access, audit);
  const chats = new ChatService(chatRepo, orgRepo, access, audit);
  const community = new CommunityRepository(db);
  const registrationRepo = new RegistrationRepository(db);
  const membership = new MembershipService(
    memberRepo,
    registrationRepo,
    new InviteRepository(db),
    orgRepo,
    access,
    audit,
  );
  const developmentRepo = new DevelopmentRepository(db);
  const development = new DevelopmentService(
    developmentRepo,
    memberRepo,
    new DevelopmentChecks(memberRepo, meetingRepo),
    orgRepo,
    access,
    audit,
    deps.defaultTimeZone,
  );
  const developmentFiles = new DevelopmentFiles(
    developmentRepo,
    memberRepo,
    orgRepo,
    access,
    new AccessRepository(db),
    deps.files,
    deps.defaultTimeZone,
  );
  const participation = new Participation(memberRepo, registrationRepo, orgRepo, access);
  return {
    identity,
    updates: new UpdateLedger(db),
    access,
    context: new ContextService(identity, orgRepo, access, new ContextRepository(raw)),
    orgs: new OrganizationService(orgRepo, access, audit, deps.defaultTimeZone),
    chats,
    membership,
    registrations: new RegistrationService(registrationRepo, memberRepo, orgRepo, access, audit),
    calendar: new CalendarService(
      new CalendarRepository(db),
      memberRepo,
      deps.publicUrl ?? "http://127.0.0.1:3000",
    ),
    transfers: new TransferService(
      new TransferRepository(db),
      memberRepo,
      membership,
      orgRepo,
      access,
      audit,
      tallies,
    ),
    meetings,
    drafts: new MeetingDraftService(new MeetingDraftRepository(db), meetings, series, orgRepo),
    series,
    leaderboard,
    prompts: new PromptService(db),
    outbox: new OutboxService(
      new OutboxRepository(db, raw, deps.provider),
      chatRepo,
      new IdentityRepository(db),
      afterCommit,
      deps.hotMarkers,
      new PaceRepository(raw, deps.provider),
    ),
    jobRuns: new JobRunRepository(db),
    warnings,
    exports: new ExportService(
      meetings,
      meetingRepo,
      memberRepo,
      orgRepo,
      leaderboard,
      warnings,
      access,
      dues,
      developmentFiles,
      deps.files,
    ),
    charts: new ChartService(leaderboard, meetings, access, deps.files),
    volunteers: new VolunteerService(community, memberRepo, orgRepo, access, participation, tallies),
    wishes: new WishService(community, memberRepo, orgRepo, access, participation, tallies),
    households: new HouseholdService(community, memberRepo, access),
    community: participation,
    dues,
    development,
    developmentFiles,
    evaluation: new EvaluationService(
      new EvaluationRepository(db),
      orgRepo,
      memberRepo,
      meetingRepo,
      new LeaderboardRepository(db, raw),
      new DuesRepository(db),
      access,
      deps.defaultTimeZone,
    ),
  };
}
