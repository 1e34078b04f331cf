/** A date and time to the second, all digits, on a 24-hour clock: the numeric form every zoned formatter starts from. */
export const NUMERIC_DATE_TIME: Readonly<Intl.DateTimeFormatOptions> = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
};
