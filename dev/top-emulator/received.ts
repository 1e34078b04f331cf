const LAST_PARAMS_KEPT = 100_000;

/** What the emulator accepted, per app and call_record_id, with repeat counts (read-only over HTTP). */
export class ReceivedLog {
  private apps = new Map<string, Map<string, { jobId: string; count: number; firstAt: string; lastAt: string }>>();
  /** The last parameters that reached the gateway per call_record_id, accepted or not (tests read what TOP got). */
  private lastParams = new Map<string, { at: string; params: Readonly<Record<string, string>> }>();

  /** Keeps the request's parameters under its record's id (the newest LAST_PARAMS_KEPT ids). */
  addParams(params: Readonly<Record<string, string>>, at: Date): void {
    const id = /"call_record_id"\s*:\s*"?(\d+)/.exec(params.ivr_call_record_d_t_o ?? "")?.[1];
    if (!id) return;
    this.lastParams.delete(id);
    this.lastParams.set(id, { at: at.toISOString(), params: { ...params } });
    // A bench run sends millions: keep memory bounded, oldest ids first out.
    if (this.lastParams.size > LAST_PARAMS_KEPT) this.lastParams.delete(this.lastParams.keys().next().value!);
  }

  paramsOf(callRecordId: string): { call_record_id: string; at: string; params: Record<string, string> } | null {
    const entry = this.lastParams.get(callRecordId);
    return entry ? { call_record_id: callRecordId, at: entry.at, params: { ...entry.params } } : null;
  }

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
    this.lastParams.clear();
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
