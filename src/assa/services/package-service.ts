// A-DATA-1 "left this month": the plan's package (tariffs.*_included) minus what the
// Kyiv month used — package minutes of priced calls (call_charges), megabytes of data
// sessions — plus what paid extras of this month add (extra traffic 5 GB: 5120 MB).

/** A plan's package: what a Kyiv month includes. */
export interface PackagePlan {
  minutes_included: number;
  sms_included: number;
  megabytes_included: number;
}

/** What a Kyiv month used of the package (AssaStore.accountView reads it with the account). */
export interface PackageUse {
  bytes: number;
  extraMegabytes: number;
  packageMinutes: number;
}

export function packagesLeft(plan: PackagePlan, use: PackageUse): { minutesLeft: number; smsLeft: number; megabytesLeft: number } {
  return {
    minutesLeft: Math.max(0, plan.minutes_included - use.packageMinutes),
    smsLeft: plan.sms_included,
    megabytesLeft: Math.max(0, plan.megabytes_included + use.extraMegabytes - Math.floor(use.bytes / 2 ** 20)),
  };
}
