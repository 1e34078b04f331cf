/** What the emulator accepted, per app and call_record_id, with repeat counts (read-only over HTTP). */
export class ReceivedLog {
  private apps = new Map<string, Map<string, { jobId: string; count: number; firstAt: string; lastAt: string }>>();

  add(appKey: string, callRecordId: bigint, jobId: bigint, at: Date): void {
    let app = this.apps.get(appKey);
    if (!app) this.apps.set(appKey, (app = new Map()));
    const id = callRecordId.toString();
    const entry = app.get(id);
    if (entry) {
      entry.count++;
      entry.lastAt = at.toISOString();
    } else {
      app.set(id, { jobId: jobId.toString(), count: 1, firstAt: at.toISOString(), lastAt: at.toISOString() });
    }
  }

  clear(): void {
    this.apps.clear();
  }

  toJSON() {
    const apps: Record<
      string,
      {
        records: number;
        accepted: number;
        entries: {
          call_record_id: string;
          robot_call_job_id: string;
          count: number;
          first_at: string;
          last_at: string;
        }[];
      }
    > = {};
    for (const [key, records] of this.apps) {
      const entries = [...records].map(([id, e]) => ({
        call_record_id: id,
        robot_call_job_id: e.jobId,
        count: e.count,
        first_at: e.firstAt,
        last_at: e.lastAt,
      }));
      apps[key] = { records: records.size, accepted: entries.reduce((n, e) => n + e.count, 0), entries };
    }
    return { apps };
  }
}
