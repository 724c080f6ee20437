// The domain services a command can use over one database handle: plain reads or one transaction
// (service-scope.ts hands them out, so a command's writes commit together or not at all). They are
// wired in create-services.ts.

import type { AccessService } from "./access/access-service.js";
import type { ContextService } from "./access/context-service.js";
import type { CalendarService } from "./calendar/calendar-service.js";
import type { ChartService } from "./charts/chart-service.js";
import type { ChatService } from "./chats/chat-service.js";
import type { HouseholdService } from "./community/household-service.js";
import type { Participation } from "./community/participation.js";
import type { VolunteerService } from "./community/volunteer-service.js";
import type { WishService } from "./community/wish-service.js";
import type { PromptService } from "./conversation/prompt-service.js";
import type { AfterCommit as CommitHook } from "./core/after-commit.js";
import type { Clock } from "./core/clock.js";
import type { PrivateFiles } from "./core/private-files.js";
import type { OutboxService } from "./delivery/outbox-service.js";
import type { DevelopmentFiles } from "./development/development-files.js";
import type { DevelopmentService } from "./development/development-service.js";
import type { DuesService } from "./dues/dues-service.js";
import type { EvaluationService } from "./evaluation/evaluation-service.js";
import type { ExportService } from "./exports/export-service.js";
import type { IdentityService } from "./identity/identity-service.js";
import type { JobRunRepository } from "./job-runs/job-run-repository.js";
import type { LeaderboardService } from "./leaderboard/leaderboard-service.js";
import type { MeetingDraftService } from "./meetings/meeting-drafts.js";
import type { MeetingSeriesService } from "./meetings/meeting-series.js";
import type { Meetings } from "./meetings/meetings.js";
import type { MembershipService } from "./membership/membership-service.js";
import type { RegistrationService } from "./membership/registration-service.js";
import type { TransferService } from "./membership/transfer-service.js";
import type { OrgZones } from "./organization/org-zones.js";
import type { OrganizationService } from "./organization/organization-service.js";
import type { UpdateLedger } from "./updates/update-ledger.js";
import type { WarningService } from "./warnings/warning-service.js";

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
