// The organisation tree in memory (a city's 30,000 organisations), for inherited settings and time
// zones without a query per branch: what the boards, exports and charts resolve settings with.
import { yieldToLoop } from "../core/yield-to-loop.js";
import type { OrgRecord } from "../organization/organization-repository.js";
import { effectiveSettings, parseStoredSettings } from "../organization/settings.js";
import { zoneOfChain } from "../organization/zone-of.js";

type Settings = ReturnType<typeof effectiveSettings>;
type StoredOrg = Omit<OrgRecord, "settings"> & { settings: string };

/** Organisations added between turns of the event loop when a whole city is indexed. */
const BUILD_CHUNK = 2000;

/** The organisation tree in memory, for inherited settings and time zones without queries. */
export class OrgIndex {
  readonly #byId: Map<string, OrgRecord>;
  readonly #children = new Map<string, string[]>();
  readonly #settings = new Map<string, Settings>();
  readonly #zones = new Map<string, string>();

  constructor(orgs: Iterable<StoredOrg>) {
    this.#byId = new Map();
    for (const o of orgs) this.#add(o);
  }

  /**
   * The index of a whole city, a chunk at a time with a turn of the event loop between chunks:
   * 30,000 organisations at once held the loop for a tenth of a second.
   */
  static async build(orgs: StoredOrg[]): Promise<OrgIndex> {
    const index = new OrgIndex([]);
    for (let i = 0; i < orgs.length; i += BUILD_CHUNK) {
      if (i > 0) await yieldToLoop();
      for (const o of orgs.slice(i, i + BUILD_CHUNK)) index.#add(o);
    }
    return index;
  }

  #add(o: StoredOrg): void {
    this.#byId.set(o.id, { ...o, settings: parseStoredSettings(o.settings) });
    if (!o.parentId) return;
    const siblings = this.#children.get(o.parentId);
    if (siblings) siblings.push(o.id);
    else this.#children.set(o.parentId, [o.id]);
  }

  /**
   * Inherited settings, resolved once per organisation (a city's board asks 30,000 times). An
   * organisation that sets nothing itself shares its parent's object: a city holds a few dozen.
   */
  settingsOf(id: string): Settings {
    const known = this.#settings.get(id);
    if (known) return known;
    const org = this.#byId.get(id);
    const settings =
      org?.parentId && this.#byId.has(org.parentId) && Object.keys(org.settings).length === 0
        ? this.settingsOf(org.parentId)
        : effectiveSettings(this.chain(id));
    this.#settings.set(id, settings);
    return settings;
  }

  /** The organisation's time zone, its own or inherited. */
  zoneOf(id: string, fallback: string): string {
    let zone = this.#zones.get(id);
    if (zone === undefined) {
      zone = zoneOfChain(this.chain(id), "");
      this.#zones.set(id, zone);
    }
    return zone || fallback;
  }

  get(id: string): OrgRecord | undefined {
    return this.#byId.get(id);
  }

  chain(id: string): OrgRecord[] {
    const chain: OrgRecord[] = [];
    for (
      let org = this.#byId.get(id);
      org && chain.length < 16;
      org = org.parentId ? this.#byId.get(org.parentId) : undefined
    )
      chain.push(org);
    return chain;
  }

  groupsOf(branchId: string): string[] {
    return (this.#children.get(branchId) ?? []).filter((id) => this.#byId.get(id)?.kind === "group");
  }

  /** Every branch, whatever it is under, in the order given (the database's order of ids). */
  branches(): OrgRecord[] {
    return [...this.#byId.values()].filter((o) => o.kind === "branch");
  }

  branchesUnder(id: string): OrgRecord[] {
    const out: OrgRecord[] = [];
    const walk = (at: string) => {
      for (const child of this.#children.get(at) ?? []) {
        const org = this.#byId.get(child);
        if (org?.kind === "branch") out.push(org);
        walk(child);
      }
    };
    walk(id);
    return out;
  }
}
