// Every slice's one answer to "which zone are this organisation's days in": its own, else the
// nearest ancestor's, else the installation's (ZONE). Periods and the times people read use it.
import type { OrgRecord } from "./organization-repository.js";
import { zoneOfChain } from "./zone-of.js";

export class OrgZones {
  constructor(
    private readonly orgs: { chain(organizationId: string): Promise<OrgRecord[]> },
    /** The installation's zone, for what belongs to no organisation. */
    readonly installation: string,
  ) {}

  /** `known`: a chain already read (a command's own) that may hold the organisation. */
  async of(organizationId: string, known: readonly OrgRecord[] = []): Promise<string> {
    const at = known.findIndex((o) => o.id === organizationId);
    return this.ofChain(at >= 0 ? known.slice(at) : await this.orgs.chain(organizationId));
  }

  /** `chain`: the organisation, then its parents up to the root. */
  ofChain(chain: readonly { timeZone: string | null }[]): string {
    return zoneOfChain(chain, this.installation);
  }
}
