// A meeting understood from one sentence is not created at once: it is kept as a draft, shown back
// as a card (type, time with weekday, place, topic, who is expected) and created only when the
// person who wrote it presses 确认 — or changed one piece at a time with 修改, keeping the rest.
// A draft lives a day; a second press of 确认 finds it gone and creates nothing twice.
import { z } from "zod";
import { DomainError } from "../core/domain-error.js";
import { shortCode } from "../core/short-code.js";
import type { OrganizationRepository, OrgRecord } from "../organization/organization-repository.js";
import type { ScheduleInput } from "./meeting-access.js";
import type { MeetingDraftRepository } from "./meeting-draft-repository.js";
import type { MeetingRecord } from "./meeting-repository.js";
import type { MeetingSeriesService } from "./meeting-series.js";
import { MEETING_TYPES } from "./meeting-types.js";
import type { Meetings } from "./meetings.js";
import { validRule } from "./recurrence/occurrences.js";

const DRAFT_HOURS = 24;

/** What a draft row holds, read back through zod like any other input. */
const storedInput = z.object({
  type: z.enum(MEETING_TYPES),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  place: z.string().min(1).max(60),
  topic: z.string().min(1).max(200),
  online: z.boolean(),
  hostCode: z.string().max(20).optional(),
  recorderCode: z.string().max(20).optional(),
  groupCode: z.string().max(20).optional(),
  occurrences: z.number().int().min(1).max(12),
  recurrence: z
    .object({
      rule: z.string().max(200).refine(validRule),
      ruleText: z.string().max(60),
      time: z.string().regex(/^\d{2}:\d{2}$/),
    })
    .optional(),
});

export interface DraftView {
  code: string;
  input: ScheduleInput;
  /** The branch the meeting is for (its zone is the meeting's), and the group's name for a group's. */
  branchId: string;
  orgName: string;
  groupName: string | null;
  expected: number;
  hostName: string | null;
  recorderName: string | null;
  /** For a recurring rule: its first occurrences. */
  occurrences: Date[];
}

const serialise = (input: ScheduleInput): string =>
  JSON.stringify({
    ...input,
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt ? input.endsAt.toISOString() : null,
  } satisfies z.input<typeof storedInput>);

function deserialise(text: string): ScheduleInput {
  const parsed = storedInput.parse(JSON.parse(text));
  const { hostCode, recorderCode, groupCode, recurrence, ...rest } = parsed;
  return {
    ...rest,
    ...(recurrence ? { recurrence } : {}),
    startsAt: new Date(parsed.startsAt),
    endsAt: parsed.endsAt ? new Date(parsed.endsAt) : null,
    ...(hostCode ? { hostCode } : {}),
    ...(recorderCode ? { recorderCode } : {}),
    ...(groupCode ? { groupCode } : {}),
  };
}

export class MeetingDraftService {
  constructor(
    private readonly repo: MeetingDraftRepository,
    private readonly meetings: Meetings,
    private readonly series: MeetingSeriesService,
    private readonly orgs: OrganizationRepository,
  ) {}

  /** Where the organisation usually meets: a place of at least two of its last meetings. */
  usualPlace(org: OrgRecord): Promise<string | null> {
    return this.meetings.scheduling.usualPlace(org);
  }

  /** Checks the meeting as /schedule would create it, keeps it, and returns what the card shows. */
  async create(actorId: string, org: OrgRecord, input: ScheduleInput, now: Date): Promise<DraftView> {
    const view = await this.#view(actorId, org, "", input, now);
    const code = `D${shortCode(5)}`;
    await this.repo.put(
      {
        code,
        organizationId: org.id,
        personId: actorId,
        input: serialise(input),
        expiresAt: this.#expiry(now),
      },
      now,
    );
    return { ...view, code };
  }

  /** The actor's own draft, as it stands; refused for anyone else's, gone once used or expired. */
  async view(actorId: string, code: string, now: Date): Promise<DraftView> {
    const { org, input } = await this.#own(actorId, code, now);
    return this.#view(actorId, org, code, input, now);
  }

  /** Changes one piece (the time, the place…) and keeps the rest; checked again as a whole. */
  async change(actorId: string, code: string, patch: Partial<ScheduleInput>, now: Date): Promise<DraftView> {
    const { org, input } = await this.#own(actorId, code, now);
    const changed = { ...input, ...patch };
    const view = await this.#view(actorId, org, code, changed, now);
    await this.repo.replace(code, serialise(changed), this.#expiry(now));
    return view;
  }

  /** Creates the meeting(s) of the draft, once: a second press finds the draft gone. */
  async confirm(
    actorId: string,
    code: string,
    now: Date,
  ): Promise<{ org: OrgRecord; meetings: MeetingRecord[] }> {
    const { org, input } = await this.#own(actorId, code, now);
    if (!(await this.repo.take(code, actorId))) throw new DomainError("drafts.gone");
    if (input.recurrence) {
      const { meetings } = await this.series.create(actorId, org, input, input.recurrence, now);
      if (meetings.length === 0) throw new DomainError("series.noOccurrence");
      return { org, meetings };
    }
    return { org, meetings: await this.meetings.scheduling.schedule(actorId, org, input, now) };
  }

  async drop(actorId: string, code: string, now: Date): Promise<void> {
    await this.#own(actorId, code, now);
    if (!(await this.repo.take(code, actorId))) throw new DomainError("drafts.gone");
  }

  async #own(actorId: string, code: string, now: Date): Promise<{ org: OrgRecord; input: ScheduleInput }> {
    const row = await this.repo.find(code.toUpperCase());
    if (!row || row.expiresAt <= now) throw new DomainError("drafts.gone");
    // Someone else's draft is theirs to confirm: said privately, and nothing about it shown.
    if (row.personId !== actorId) throw new DomainError("drafts.notYours", {}, "private");
    const org = await this.orgs.findById(row.organizationId);
    if (!org) throw new DomainError("drafts.gone");
    return { org, input: deserialise(row.input) };
  }

  async #view(
    actorId: string,
    org: OrgRecord,
    code: string,
    input: ScheduleInput,
    now: Date,
  ): Promise<DraftView> {
    const { branch, group, host, recorder } = await this.meetings.scheduling.check(actorId, org, input, now);
    return {
      code,
      input,
      branchId: branch.id,
      orgName: branch.name,
      groupName: group?.name ?? null,
      expected: await this.meetings.scheduling.expectedFor(input.type, branch.id, group?.id ?? null),
      hostName: host?.name ?? null,
      recorderName: recorder?.name ?? null,
      occurrences: input.recurrence ? await this.series.preview(input.recurrence, branch.id, now) : [],
    };
  }

  #expiry(now: Date): Date {
    return new Date(now.getTime() + DRAFT_HOURS * 3_600_000);
  }
}
