// The repositories one scope shares (one transaction, or plain reads), each built the first time
// a service reads it.
import { AccessRepository } from "./access/access-repository.js";
import { AuditRepository } from "./audit/audit-repository.js";
import { ChatRepository } from "./chats/chat-repository.js";
import { CommunityRepository } from "./community/community-repository.js";
import { lazily } from "./core/lazily.js";
import type { Tx } from "./db/database.js";
import type { RawSql } from "./db/raw-sql.js";
import { DevelopmentRepository } from "./development/development-repository.js";
import { DuesRepository } from "./dues/dues-repository.js";
import { BoardReader } from "./leaderboard/board-reader.js";
import { LeaderboardRepository } from "./leaderboard/leaderboard-repository.js";
import { TallyKeeper } from "./leaderboard/tally-keeper.js";
import { TallyRepository } from "./leaderboard/tally-repository.js";
import { AttendanceRepository } from "./meetings/attendance-repository.js";
import { LeaveRepository } from "./meetings/leave-repository.js";
import { type MeetingReads, meetingReads } from "./meetings/meeting-reads.js";
import { MeetingRepository } from "./meetings/meeting-repository.js";
import { MemberRepository } from "./membership/member-repository.js";
import { RegistrationRepository } from "./membership/registration-repository.js";
import { OrgZones } from "./organization/org-zones.js";
import { OrganizationRepository } from "./organization/organization-repository.js";

/** The repositories services share within one scope (one transaction, or plain reads). */
export interface Repositories {
  orgs: OrganizationRepository;
  members: MemberRepository;
  audit: AuditRepository;
  access: AccessRepository;
  chats: ChatRepository;
  meetings: MeetingRepository;
  attendance: AttendanceRepository;
  leaves: LeaveRepository;
  meetingReads: MeetingReads;
  tallyRows: TallyRepository;
  zones: OrgZones;
  tallies: TallyKeeper;
  leaderboard: LeaderboardRepository;
  /** The weekly board's page reads, paced for this database and driver. */
  boards: BoardReader;
  dues: DuesRepository;
  community: CommunityRepository;
  registrations: RegistrationRepository;
  development: DevelopmentRepository;
}

export interface RepositoryOptions {
  /** The installation's zone, for organisations that name none. */
  defaultTimeZone: string;
  provider: "sqlite" | "postgresql";
}

export function repositoriesOver(
  db: Tx,
  raw: RawSql,
  { defaultTimeZone, provider }: RepositoryOptions,
): Repositories {
  const r: Repositories = lazily<Repositories>({
    orgs: () => new OrganizationRepository(db),
    members: () => new MemberRepository(db),
    audit: () => new AuditRepository(db),
    access: () => new AccessRepository(db),
    chats: () => new ChatRepository(db),
    meetings: () => new MeetingRepository(db, raw),
    attendance: () => new AttendanceRepository(db, raw),
    leaves: () => new LeaveRepository(db),
    meetingReads: () => meetingReads(r.meetings, r.attendance, r.leaves),
    tallyRows: () => new TallyRepository(db, raw),
    zones: () => new OrgZones(r.orgs, defaultTimeZone),
    tallies: () => new TallyKeeper(r.tallyRows, r.zones),
    leaderboard: () => new LeaderboardRepository(db, raw),
    boards: () =>
      new BoardReader(r.leaderboard, r.tallyRows, {
        dialect: provider,
        // Prisma's PostgreSQL queries go through the driver's socket too; SQLite's only through
        // the read worker, outside transactions.
        offThread: provider === "postgresql" || raw.offThread === true,
      }),
    dues: () => new DuesRepository(db),
    community: () => new CommunityRepository(db),
    registrations: () => new RegistrationRepository(db),
    development: () => new DevelopmentRepository(db),
  });
  return r;
}
