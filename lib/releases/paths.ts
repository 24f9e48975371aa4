// Where releases live on the site. Safe for client components.

/** The page that lists every release. */
export const DATA_PATH = "/data";

/** A file of a release: /data/releases/3/filings.csv. */
export function releaseFilePath(number: number, file: string): string {
  return `${DATA_PATH}/releases/${number}/${encodeURIComponent(file)}`;
}

/** The release's entry on /data. */
export function releaseAnchor(number: number): string {
  return `release-${number}`;
}

/** The docketline/v1 dataset's file name, in /export and in every release; citations point to it. */
export const DATASET_FILE = "dataset.json";
