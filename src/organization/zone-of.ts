// An organisation's time zone: its own, else the nearest ancestor's, else the installation's.
// Periods (months, quarters, years) and the times people read are computed in it.

/** `chain`: the organisation, then its parents up to the root. */
export function zoneOfChain(chain: readonly { timeZone: string | null }[], installationZone: string): string {
  return chain.find((o) => o.timeZone)?.timeZone ?? installationZone;
}
