/**
 * How often each result_status occurs and how long the phone rings before the
 * call ends or is answered. Shares follow what AI outbound vendors report for
 * debt-reminder traffic: about half answered, then no answer, then the various
 * dead or blocked numbers; platform-side failures are rare.
 */

export interface DemoStatusProfile {
  status: string;
  /** Percent of all calls (the table sums to 100). */
  share: number;
  /** Seconds from dial to answer or to the network giving up. */
  ringSeconds: readonly [min: number, max: number];
}

/** The status of a call that connected: the one the generator gives talk time, an intent and maybe a recording. */
export const ANSWERED = "ANSWERED";

export const DEMO_STATUS_PROFILES: readonly DemoStatusProfile[] = [
  { status: ANSWERED, share: 50, ringSeconds: [3, 20] },
  { status: "NO_ANSWER", share: 18, ringSeconds: [30, 60] },
  { status: "POWER_OFF", share: 7, ringSeconds: [3, 10] },
  { status: "BUSY", share: 6, ringSeconds: [1, 6] },
  { status: "REFUSED", share: 5, ringSeconds: [2, 20] },
  { status: "OUT_OF_SERVICE", share: 4, ringSeconds: [3, 10] },
  { status: "CAN_NOT_CONNECT", share: 3.5, ringSeconds: [1, 8] },
  { status: "VACANT_NUMBER", share: 3, ringSeconds: [2, 8] },
  { status: "CALL_LOSS", share: 1, ringSeconds: [5, 30] },
  { status: "TRANSFER_ARTIFICIAL", share: 1, ringSeconds: [3, 15] },
  { status: "FROM_PHONE_ERROR", share: 0.8, ringSeconds: [0, 2] },
  { status: "SYSTEM_ERROR", share: 0.7, ringSeconds: [0, 3] },
];

/** Talk time bounds for answered calls, seconds. */
export const TALK_SECONDS = { min: 15, max: 360 } as const;
