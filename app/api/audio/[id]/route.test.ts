import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFor } from "@/lib/auth/test-session";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { DEMO_AUDIO_CLIPS } from "@/dev/demo/audio-manifest";
import { GET } from "./route";

const WITH_CLIP = 4_700_000_000_000_001n;
const FOREIGN = 4_700_000_000_000_002n;
let cookie = "";

beforeAll(async () => {
  cookie = `${SESSION_COOKIE}=${(await sessionFor("operator")).token}`;
  const base = { robotCallJobId: 77n, resultStatus: "ANSWERED", source: "seed" as const, contentHash: "0".repeat(64) };
  await prisma.callRecord.createMany({
    data: [
      { ...base, callRecordId: WITH_CLIP, fullAudioUrl: `http://localhost/demo-audio/${DEMO_AUDIO_CLIPS[0]!.file}` },
      { ...base, callRecordId: FOREIGN, fullAudioUrl: "http://not-allowed.example/page.html" },
    ],
  });
});
afterAll(() => disconnectPrisma());

const get = (id: string, opts: { cookie?: boolean; query?: string } = {}) =>
  GET(
    new Request(`http://localhost/api/audio/${id}${opts.query ?? ""}`, {
      headers: opts.cookie === false ? {} : { cookie },
    }),
    { params: Promise.resolve({ id }) },
  );

describe("GET /api/audio/<id>", () => {
  it.each([
    ["a recording", WITH_CLIP.toString(), {}, 200],
    ["a download", WITH_CLIP.toString(), { query: "?download=1" }, 200],
    ["no session", WITH_CLIP.toString(), { cookie: false }, 401],
    ["a bad id", "abc", {}, 400],
    ["an unknown record", "4700000000000009", {}, 404],
    ["a host not allowed", FOREIGN.toString(), {}, 403],
  ] as const)("isolates every answer: %s", async (_what, id, opts, status) => {
    const res = await get(id, opts);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    await res.arrayBuffer();
  });

  it("names the file by the record: inline to play, attachment to download", async () => {
    const play = await get(WITH_CLIP.toString());
    expect(play.headers.get("content-type")).toMatch(/^audio\//);
    expect(play.headers.get("content-disposition")).toMatch(new RegExp(`^inline; filename="${WITH_CLIP}\\.\\w+"$`));
    await play.arrayBuffer();
    const file = await get(WITH_CLIP.toString(), { query: "?download=1" });
    expect(file.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${WITH_CLIP}\\.\\w+"$`));
    await file.arrayBuffer();
  });
});
