import { formatTimestamp } from "@/lib/dates/timestamp";
import type { ReleaseListItem } from "@/lib/releases/queries";
import { describeChanges, describeCounts } from "@/lib/releases/changelog";
import { releaseAnchor, releaseFilePath } from "@/lib/releases/paths";

import styles from "./release-entry.module.css";

function byteSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One release on /data: when, what it holds, what changed, and its files with their hashes. */
export function ReleaseEntry({ release, labels }: { release: ReleaseListItem; labels: Record<string, string> }) {
  const changes = describeChanges(release.changes);
  const previous = release.number - 1;
  return (
    <article id={releaseAnchor(release.number)} className={styles.release} aria-labelledby={`${releaseAnchor(release.number)}-heading`}>
      <h2 id={`${releaseAnchor(release.number)}-heading`}>Release {release.number}</h2>
      <dl className={styles.facts}>
        <dt>Released</dt>
        <dd>
          <time dateTime={release.releasedAt.toISOString()}>{formatTimestamp(release.releasedAt)}</time>
        </dd>
        <dt>Records</dt>
        <dd>{describeCounts(release.counts) || "none"}</dd>
        <dt>Content hash (SHA-256)</dt>
        <dd>
          <code className={styles.hash}>{release.contentHash}</code>
        </dd>
        <dt>{previous > 0 ? `Since release ${previous}` : "Changes"}</dt>
        <dd>
          {previous === 0
            ? `The first release: ${changes ?? "no records"}.`
            : changes
              ? `${changes}.`
              : "Nothing changed: the same data as the release before (same content hash)."}
        </dd>
      </dl>
      <table className={styles.files}>
        <caption className="visually-hidden">Files of release {release.number}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {release.files.map((file) => (
            <tr key={file.name}>
              <td>
                <a href={releaseFilePath(release.number, file.name)} download>
                  {file.name}
                </a>
                {labels[file.name] && <span className={styles.label}>{labels[file.name]}</span>}
              </td>
              <td className={styles.size}>{byteSize(file.bytes)}</td>
              <td>
                <code className={styles.hash}>{file.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
