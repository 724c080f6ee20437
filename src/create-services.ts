// The services of one scope wired over its database handle, a feature at a time; each is built
// the first time it is read, with the repositories the scope shares.
import { AccessService } from "./access/access-service.js";
import { ContextRepository } from "./access/context-repository.js";
import { ContextService } from "./access/context-service.js";
import { CalendarRepository } from "./calendar/calendar-repository.js";
import { CalendarService } from "./calendar/calendar-service.js";
import { ChartService } from "./charts/chart-service.js";
import { ChatService } from "./chats/chat-service.js";
import type { CommunityWork } from "./community/community-work.js";
import { HouseholdService } from "./community/household-service.js";
import { Participation } from "./community/participation.js";
import { VolunteerService } from "./community/volunteer-service.js";
import { WishService } from "./community/wish-service.js";
import { PromptService } from "./conversation/prompt-service.js";
import type { Coalescer } from "./core/coalescer.js";
import { lazily } from "./core/lazily.js";
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
import { meetingsOver } from "./meetings/meetings.js";
import { SeriesRepository } from "./meetings/series-repository.js";
import { InviteRepository } from "./membership/invite-repository.js";
import { MembershipService } from "./membership/membership-service.js";
import { RegistrationService } from "./membership/registration-service.js";
import { TransferRepository } from "./membership/transfer-repository.js";
import { TransferService } from "./membership/transfer-service.js";
import { OrganizationService } from "./organization/organization-service.js";
import { type Repositories, repositoriesOver } from "./repositories.js";
import type { AfterCommit, ServiceDeps, Services } from "./services.js";
import { UpdateLedger } from "./updates/update-ledger.js";
import { WarningService } from "./warnings/warning-service.js";

export function createServices(
  db: Tx,
  /** The hot path's raw SQL: the driver's outside transactions, the transaction's inside. */
  raw: RawSql,
  deps: ScopeDeps,
  afterCommit: AfterCommit,
): Services {
  // The repositories and services are built when first read, so a command builds what it uses.
  const r = repositoriesOver(db, raw, deps);
  const w: Wiring = {
    db,
    raw,
    r,
    deps,
    afterCommit,
    get s() {
      return s;
    },
  };
  const s: Services = lazily<Services>({
    ...peopleAndPlaces(w),
    ...meetingServices(w),
    ...deliveryServices(w),
    ...reportServices(w),
    ...communityServices(w),
    ...developmentServices(w),
  });
  return s;
}

type ScopeDeps = ServiceDeps & { provider: Database["provider"]; hotMarkers: Coalescer | null };

/** What every feature's services are built from, within one scope. */
interface Wiring {
  db: Tx;
  raw: RawSql;
  r: Repositories;
  /** The scope's services, for those a service uses: read as `w.s` when a service is built. */
  readonly s: Services;
  deps: ScopeDeps;
  afterCommit: AfterCommit;
}

type Builders<K extends keyof Services> = { [P in K]: () => Services[P] };

function peopleAndPlaces(w: Wiring) {
  const { db, raw, r } = w;
  return {
    identity: () => new IdentityService(db),
    updates: () => new UpdateLedger(db),
    access: () => new AccessService(db, r.orgs, r.members),
    context: () => new ContextService(w.s.identity, r.orgs, w.s.access, new ContextRepository(raw)),
    zones: () => r.zones,
    orgs: () => new OrganizationService(r.orgs, w.s.access, r.audit),
    chats: () => new ChatService(r.chats, r.orgs, w.s.access, r.audit),
    prompts: () => new PromptService(db),
    membership: () =>
      new MembershipService(
        r.members,
        r.registrations,
        new InviteRepository(db),
        r.orgs,
        w.s.access,
        r.audit,
      ),
    registrations: () => new RegistrationService(r.registrations, r.members, r.orgs, w.s.access, r.audit),
    transfers: () =>
      new TransferService(
        new TransferRepository(db),
        r.members,
        w.s.membership,
        r.orgs,
        w.s.access,
        r.audit,
        r.tallies,
      ),
  } satisfies Builders<
    | "identity"
    | "updates"
    | "access"
    | "context"
    | "zones"
    | "orgs"
    | "chats"
    | "prompts"
    | "membership"
    | "registrations"
    | "transfers"
  >;
}

function meetingServices(w: Wiring) {
  const { db, r, deps } = w;
  return {
    calendar: () =>
      new CalendarService(new CalendarRepository(db), r.members, deps.publicUrl ?? "http://127.0.0.1:3000"),
    drafts: () => new MeetingDraftService(new MeetingDraftRepository(db), w.s.meetings, w.s.series, r.orgs),
    series: () =>
      new MeetingSeriesService(new SeriesRepository(db), w.s.meetings, r.orgs, w.s.access, r.audit, r.zones),
    meetings: () =>
      meetingsOver({
        meetings: r.meetings,
        attendance: r.attendance,
        leaves: r.leaves,
        members: r.members,
        orgs: r.orgs,
        access: w.s.access,
        roles: r.access,
        audit: r.audit,
        tallies: r.tallies,
        zones: r.zones,
      }),
  } satisfies Builders<"calendar" | "drafts" | "series" | "meetings">;
}

function deliveryServices(w: Wiring) {
  const { db, raw, r, deps, afterCommit } = w;
  return {
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
  } satisfies Builders<"outbox" | "jobRuns">;
}

function reportServices(w: Wiring) {
  const { db, r, deps } = w;
  return {
    warnings: () =>
      new WarningService(r.meetingReads, r.members, r.orgs, w.s.access, r.access, w.s.dues, r.zones),
    leaderboard: () => new LeaderboardService(r.leaderboard, r.boards, r.tallies, r.members, r.zones),
    exports: () =>
      new ExportService(
        r.meetingReads,
        r.members,
        r.orgs,
        w.s.leaderboard,
        w.s.warnings,
        w.s.access,
        w.s.dues,
        w.s.developmentFiles,
        deps.files,
        r.zones,
      ),
    charts: () => new ChartService(w.s.leaderboard, w.s.access, deps.files, r.zones),
    evaluation: () =>
      new EvaluationService(
        new EvaluationRepository(db),
        r.orgs,
        r.members,
        r.meetingReads,
        r.leaderboard,
        r.dues,
        w.s.access,
        r.zones,
      ),
  } satisfies Builders<"warnings" | "leaderboard" | "exports" | "charts" | "evaluation">;
}

function communityServices(w: Wiring) {
  const { r } = w;
  return {
    volunteers: () => new VolunteerService(communityWork(w)),
    wishes: () => new WishService(communityWork(w)),
    households: () => new HouseholdService(r.community, r.members, w.s.access),
    community: () => new Participation(r.members, r.registrations, r.orgs, w.s.access),
    dues: () => new DuesService(r.dues, r.members, r.meetingReads, w.s.access),
  } satisfies Builders<"volunteers" | "wishes" | "households" | "community" | "dues">;
}

function developmentServices(w: Wiring) {
  const { r, deps } = w;
  return {
    development: () =>
      new DevelopmentService(
        r.development,
        r.members,
        new DevelopmentChecks(r.members, r.meetingReads),
        r.orgs,
        w.s.access,
        r.audit,
        r.zones,
      ),
    developmentFiles: () =>
      new DevelopmentFiles(r.development, r.members, r.orgs, w.s.access, r.access, deps.files, r.zones),
  } satisfies Builders<"development" | "developmentFiles">;
}

function communityWork(w: Wiring): CommunityWork {
  const { r } = w;
  return {
    repo: r.community,
    members: r.members,
    orgs: r.orgs,
    access: w.s.access,
    participation: w.s.community,
    tallies: r.tallies,
  };
}
