// Time is injected everywhere so tests can travel through weeks; logic never calls new Date().
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
