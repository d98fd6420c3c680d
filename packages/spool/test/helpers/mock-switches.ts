/**
 * What the platform stand-ins share: failures a test asks for ahead (`failNext`), answers held back
 * after a call took effect (`holdNext`), and the timers to clear when the stand-in closes.
 */
export class MockSwitches<Route extends string, Failure extends string> {
  private readonly failures: { kind: Failure; remaining: number; route?: Route }[] = [];
  private readonly holds = new Map<Route, number[]>();
  private readonly timers = new Set<NodeJS.Timeout>();

  failNext(kind: Failure, count = 1, route?: Route): void {
    this.failures.push({ kind, remaining: count, route });
  }

  holdNext(route: Route, ms: number): void {
    this.holds.set(route, [...(this.holds.get(route) ?? []), ms]);
  }

  /** The first failure asked for that `applies` to this call, counted down. */
  take(applies: (failure: { kind: Failure; route?: Route }) => boolean): Failure | undefined {
    const i = this.failures.findIndex(applies);
    if (i < 0) return undefined;
    const f = this.failures[i];
    if (--f.remaining <= 0) this.failures.splice(i, 1);
    return f.kind;
  }

  /** Waits out a hold asked for `route`, if any; `onHeld` is told as the wait begins. */
  async hold(route: Route, onHeld: (ms: number) => void): Promise<void> {
    const ms = this.holds.get(route)?.shift();
    if (ms === undefined) return;
    onHeld(ms);
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
  }
}
