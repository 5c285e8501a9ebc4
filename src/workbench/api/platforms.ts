/**
 * The Excel platforms the workbench can stand in for, the requirement sets each has, and the
 * ApiNotFound failure of a member whose set the platform lacks.
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
import { ErrorCodes, WorkbenchApiError } from "./errors";
import { API_SETS } from "./requirementSets";

/** Microsoft 365 on Windows, on Mac, on the web; Office 2021 and Office 2016 (perpetual) on Windows. */
export type Platform = "windows" | "mac" | "web" | "office2021" | "office2016";

export const PLATFORMS: readonly Platform[] = ["windows", "mac", "web", "office2021", "office2016"];

/** The highest version of each requirement set each platform has (absent: none of that set). */
export const PLATFORM_SETS: Readonly<Record<Platform, Readonly<Partial<Record<string, string>>>>> = {
  windows: { ExcelApi: "1.20", ExcelApiDesktop: "1.1" },
  mac: { ExcelApi: "1.20", ExcelApiDesktop: "1.1" },
  web: { ExcelApi: "1.20", ExcelApiOnline: "1.1" },
  office2021: { ExcelApi: "1.14" },
  // "Excel JavaScript API 1.1 is the only Excel-specific requirement set supported by Excel 2016."
  office2016: { ExcelApi: "1.1" },
};

function minor(version: string): [number, number] {
  const [major = "0", rest = "0"] = version.split(".");
  return [Number(major), Number(rest)];
}

/** Whether a platform has a set such as "ExcelApi 1.7" (versions compare numerically: 1.10 > 1.9). */
export function isSetSupported(platform: Platform, set: string): boolean {
  const [name = "", version = "1.1"] = set.split(" ");
  const has = PLATFORM_SETS[platform][name];
  if (has === undefined) return false;
  const [hm, hn] = minor(has);
  const [wm, wn] = minor(version);
  return hm > wm || (hm === wm && hn >= wn);
}

/** The set an API member ("Range.getResizedRange") needs, if the workbench records one. */
export function requiredSet(member: string): string | undefined {
  return API_SETS[member];
}

export function apiNotFound(member: string, set: string, platform: Platform): WorkbenchApiError {
  return new WorkbenchApiError(
    ErrorCodes.apiNotFound,
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "Office Add-in requirement sets" for more information. (${member} needs ${set}, which Excel on ${platform} does not have.)`,
    member,
  );
}

/** Throws ApiNotFound when the workbench's platform lacks the member's set (used inside a sync). */
export function checkMember(platform: Platform, member: string): void {
  const set = requiredSet(member);
  if (set !== undefined && !isSetSupported(platform, set)) throw apiNotFound(member, set, platform);
}
