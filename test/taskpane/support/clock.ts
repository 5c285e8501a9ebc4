/** Pins the pane's clock (Date) for a test; timers stay real so the pane's events and Fluent's run as usual. */
const REAL_TIMERS = [
  "hrtime",
  "nextTick",
  "performance",
  "queueMicrotask",
  "requestAnimationFrame",
  "cancelAnimationFrame",
  "requestIdleCallback",
  "cancelIdleCallback",
  "setImmediate",
  "clearImmediate",
  "setInterval",
  "clearInterval",
  "setTimeout",
  "clearTimeout",
] as const;

/** `new Date()` is `now` from here on, until `jest.useRealTimers()`. */
export function pinClock(now: string): void {
  jest.useFakeTimers({ now: new Date(now), doNotFake: [...REAL_TIMERS] });
}
