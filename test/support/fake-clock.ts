// A clock tests move by hand, to travel through days and weeks without waiting.
import type { Clock } from "../../src/core/clock.js";

export class FakeClock implements Clock {
  #now: number;

  constructor(start: Date | string = "2026-03-02T01:00:00Z") {
    this.#now = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(instant: Date | string): void {
    this.#now = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }

  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}
