import "server-only";
import type { Answer, Settlement } from "./queue";

/**
 * Group commit for answers: calls that come back while a group is being
 * written wait and go together in the next one (one statement, one commit,
 * one rollup trigger run, however many answers). No timer: at a trickle each
 * answer is written at once, alone; under load the groups grow to what
 * arrived during one round trip, up to `maxGroup`.
 *
 * Nothing is acknowledged before its group commits: a worker that dies with
 * answers waiting leaves their jobs in flight, and they are sent again when
 * the lease runs out (at-least-once, as for a crash between send and settle).
 */
export class SettleGroups {
  private pending: { answer: Answer; resolve: (s: Settlement) => void; reject: (err: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly settle: (answers: readonly Answer[]) => Promise<Settlement[]>,
    private readonly maxGroup = 256,
  ) {}

  /** Resolves once the answer is committed, with what it meant; rejects if it could not be written. */
  add(answer: Answer): Promise<Settlement> {
    return new Promise((resolve, reject) => {
      this.pending.push({ answer, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // One turn of the event loop, so that answers that arrived together form one group.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, this.maxGroup);
        try {
          const settlements = await this.settle(group.map((g) => g.answer));
          group.forEach((g, i) => g.resolve(settlements[i]!));
        } catch (err) {
          if (group.length === 1) {
            group[0]!.reject(err);
            continue;
          }
          // One answer the database refuses must not cost the others theirs: each on its own.
          for (const g of group) {
            try {
              g.resolve((await this.settle([g.answer]))[0]!);
            } catch (one) {
              g.reject(one);
            }
          }
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
