import { describe, expect, it } from "vitest";
import { completion, type ObligationMeeting, obligations } from "../../src/meetings/obligations.js";
import { periodOf } from "../../src/meetings/periods.js";

const SH = "Asia/Shanghai";
const q1 = periodOf(new Date("2027-02-01T00:00:00Z"), "quarter", SH);
const frequencies = {
  committee_meeting: { period: "month" as const, times: 1 },
  general_meeting: { period: "quarter" as const, times: 1 },
  life_meeting: { period: "year" as const, times: 1 },
};
const m = (
  type: ObligationMeeting["type"],
  startsAt: string,
  status: ObligationMeeting["status"] = "closed",
  quorumMet: boolean | null = null,
): ObligationMeeting => ({ type, groupId: null, startsAt: new Date(startsAt), status, quorumMet });
const row = (rows: ReturnType<typeof obligations>, type: string) => rows.find((r) => r.type === type);

describe("a period's obligations", () => {
  it.each([
    {
      name: "the last day of the quarter: February's missed committee meeting is still in view",
      asOf: "2027-03-31T10:00:00Z",
      meetings: [
        m("committee_meeting", "2027-01-12T11:00:00Z"),
        m("committee_meeting", "2027-03-09T11:00:00Z"),
      ],
      committee: { required: 3, due: 3, held: 2, counted: 2, missing: 1, missed: ["2027-2"], stillToHold: 0 },
    },
    {
      name: "two meetings in January do not make up for February",
      asOf: "2027-04-02T00:00:00Z",
      meetings: [
        m("committee_meeting", "2027-01-05T11:00:00Z"),
        m("committee_meeting", "2027-01-25T11:00:00Z"),
        m("committee_meeting", "2027-03-09T11:00:00Z"),
      ],
      committee: { required: 3, due: 3, held: 3, counted: 2, missing: 1, missed: ["2027-2"], stillToHold: 0 },
    },
    {
      name: "mid-quarter: March has not begun, February is still running",
      asOf: "2027-02-10T00:00:00Z",
      meetings: [m("committee_meeting", "2027-01-12T11:00:00Z")],
      committee: { required: 3, due: 2, held: 1, counted: 1, missing: 1, missed: [], stillToHold: 1 },
    },
    {
      name: "a meeting still scheduled in the running month covers it; one left unclosed in an ended month does not",
      asOf: "2027-03-05T00:00:00Z",
      meetings: [
        m("committee_meeting", "2027-01-12T11:00:00Z"),
        m("committee_meeting", "2027-02-12T11:00:00Z", "scheduled"),
        m("committee_meeting", "2027-03-20T11:00:00Z", "scheduled"),
      ],
      committee: { required: 3, due: 3, held: 1, counted: 1, missing: 1, missed: ["2027-2"], stillToHold: 0 },
    },
    {
      name: "a cancelled meeting is not held",
      asOf: "2027-04-02T00:00:00Z",
      meetings: [m("committee_meeting", "2027-01-12T11:00:00Z", "cancelled")],
      committee: {
        required: 3,
        due: 3,
        held: 0,
        counted: 0,
        missing: 3,
        missed: ["2027-1", "2027-2", "2027-3"],
        stillToHold: 0,
      },
    },
  ])("$name", ({ asOf, meetings, committee }) => {
    const rows = obligations({
      period: q1,
      asOf: new Date(asOf),
      zone: SH,
      frequencies,
      groupIds: [],
      meetings,
    });
    const got = row(rows, "committee_meeting");
    expect({
      required: got?.required,
      due: got?.due,
      held: got?.held,
      counted: got?.counted,
      missing: got?.missing,
      missed: got?.missingIn.map((p) => `${p.year}-${p.index}`),
      stillToHold: got?.stillToHold,
    }).toEqual(committee);
  });

  it("counts a quarterly meeting once in its quarter and shows a yearly one in its year, unjudged", () => {
    const rows = obligations({
      period: q1,
      asOf: new Date("2027-04-02T00:00:00Z"),
      zone: SH,
      frequencies,
      groupIds: [],
      meetings: [m("general_meeting", "2027-03-20T02:00:00Z", "closed", false)],
    });
    expect(row(rows, "general_meeting")).toMatchObject({
      required: 1,
      held: 1,
      missing: 0,
      withoutQuorum: 1,
      judged: true,
    });
    expect(row(rows, "life_meeting")).toMatchObject({ judged: false, required: 1 });
    expect(row(rows, "life_meeting")?.period.kind).toBe("year");
    // Completion judges the committee (0 of 3) and the general meeting (1 of 1), not the year's.
    expect(completion(rows)).toBe(1 / 4);
  });

  it("gives each party group its own line", () => {
    const rows = obligations({
      period: periodOf(new Date("2027-02-10T00:00:00Z"), "month", SH),
      asOf: new Date("2027-03-01T00:00:00Z"),
      zone: SH,
      frequencies: { group_meeting: { period: "month", times: 1 } },
      groupIds: ["g1", "g2"],
      meetings: [
        {
          type: "group_meeting",
          groupId: "g1",
          startsAt: new Date("2027-02-08T11:00:00Z"),
          status: "closed",
        },
      ],
    });
    expect(rows.map((r) => [r.groupId, r.missing])).toEqual([
      ["g1", 0],
      ["g2", 1],
    ]);
  });
});

describe("a branch set up in the bot part-way through a period", () => {
  it.each([
    // Set up on 10 February (Shanghai): January is owed nothing; February, its first month, is.
    ["2027-02-10T02:00:00Z", 2, ["2027-2"]],
    // Set up on 1 March: only March.
    ["2027-02-28T16:00:00Z", 1, []],
    // Before the quarter: all three months.
    ["2026-11-01T00:00:00Z", 3, ["2027-1", "2027-2"]],
  ] as [string, number, string[]][])(
    "set up %s owes %i committee meetings, missing %j",
    (since, required, missed) => {
      const rows = obligations({
        period: q1,
        asOf: new Date("2027-04-02T00:00:00Z"),
        zone: SH,
        frequencies,
        groupIds: [],
        meetings: [m("committee_meeting", "2027-03-09T11:00:00Z")],
        since: new Date(since),
      });
      const committee = row(rows, "committee_meeting");
      expect(committee?.required).toBe(required);
      expect(committee?.missingIn.map((p) => `${p.year}-${p.index}`)).toEqual(missed);
      // The quarter's own general meeting is owed whenever the branch began in it.
      expect(row(rows, "general_meeting")?.required).toBe(1);
    },
  );
});
