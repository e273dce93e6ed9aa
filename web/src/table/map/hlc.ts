// The client's hybrid logical clock for token edits: a stamp's wallMillis is the later of now and
// the latest wallMillis seen (ours or the server's), its counter orders stamps within one
// millisecond. So an edit made after seeing another orders after it even on a slow wall clock.
// The node is our user id: the server writes the caller's id there anyway, so our optimistic
// stamp equals the one the event brings back.
import type { Hlc } from './map-view';

export class HlcClock {
  private wall = 0;
  private counter = 0;

  constructor(
    private readonly node: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stamp of a new local edit. */
  tick(): Hlc {
    const now = this.now();
    if (now > this.wall) {
      this.wall = now;
      this.counter = 0;
    } else {
      this.counter++;
    }
    return { wallMillis: this.wall, counter: this.counter, node: this.node };
  }

  /** A stamp seen in an event or a view: the next tick orders after it. */
  seen(stamp: Hlc): void {
    if (stamp.wallMillis > this.wall) {
      this.wall = stamp.wallMillis;
      this.counter = stamp.counter;
    } else if (stamp.wallMillis === this.wall && stamp.counter > this.counter) {
      this.counter = stamp.counter;
    }
  }
}
