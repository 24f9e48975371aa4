// The timeline groups filings by year, then by month; a date known only to the year
// gets a group of its own, so no filing is put in a month it may not belong to.
import { formatPartialDate, parsePartialDate } from "@/lib/dates/partial-date";

export interface DatedItem {
  dateFiled: string;
}

export interface MonthGroup<T> {
  /** "2018-07", or "2018" for dates known only to the year. */
  key: string;
  label: string;
  items: T[];
}

export interface YearGroup<T> {
  year: string;
  months: MonthGroup<T>[];
}

/** Groups items already in timeline order, keeping that order. */
export function groupByYearAndMonth<T extends DatedItem>(items: T[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const item of items) {
    const date = parsePartialDate(item.dateFiled);
    if (!date) continue;
    const year = String(date.year).padStart(4, "0");
    const key = date.precision === "year" ? year : item.dateFiled.slice(0, 7);
    const label = date.precision === "year" ? `${year}, month not known` : formatPartialDate(key);
    let yearGroup = years[years.length - 1];
    if (!yearGroup || yearGroup.year !== year) years.push((yearGroup = { year, months: [] }));
    let month = yearGroup.months[yearGroup.months.length - 1];
    if (!month || month.key !== key) yearGroup.months.push((month = { key, label, items: [] }));
    month.items.push(item);
  }
  return years;
}
