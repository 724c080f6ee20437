// Luxon asks Intl for a zone's offset at every instant it touches (formatToParts, ~5 µs each, a
// dozen times per date sum), which made reading a time phrase cost ~90 µs. Offsets change only at
// transitions, and every transition of every zone in use falls on a quarter hour of UTC (all
// offsets since the 1970s are whole quarter hours, changed at a local whole or half hour), so the
// offset is remembered per quarter hour: exact, and looked up once per zone and quarter hour.
import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from "luxon";

const QUARTER_HOUR_MS = 15 * 60_000;
/** Quarter hours remembered per zone before the memory starts afresh (a few years' worth). */
const MAX_REMEMBERED = 100_000;

class CachedZone extends Zone {
  readonly #inner: IANAZone;
  readonly #offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.#inner = IANAZone.create(name);
  }

  override get type(): string {
    return this.#inner.type;
  }
  override get name(): string {
    return this.#inner.name;
  }
  get ianaName(): string {
    return this.#inner.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.#inner.isValid;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.#inner.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.#inner.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.#offsets.get(quarter);
    if (offset === undefined) {
      offset = this.#inner.offset(ts);
      if (this.#offsets.size >= MAX_REMEMBERED) this.#offsets.clear();
      this.#offsets.set(quarter, offset);
    }
    return offset;
  }
  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }
}

const zones = new Map<string, Zone>();

/** The IANA zone with its offsets remembered; the same object for the same name. */
export function cachedZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new CachedZone(name);
    zones.set(name, zone);
  }
  return zone;
}
