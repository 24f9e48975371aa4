// npm run release [-- --force]
//
// Freezes the published data as the next numbered release (lib/releases/actions.ts):
// every export format, each file's SHA-256, a content hash of them all and a changelog
// against the release before, kept in the database and served at /data. Data that has
// not changed since the last release is refused, naming it, unless --force.
import { createRelease, type ReleaseSummary } from "@/lib/releases/actions";
import { changeCounts, describeChanges, describeCounts } from "@/lib/releases/changelog";
import { releaseName } from "@/lib/releases/citation";
import { plural } from "@/lib/text";

import { fail, parseScriptOptions, publicOrigin, withDatabase } from "./support/cli.mts";

const USAGE = `Usage: npm run release [-- --force]

Freezes the published lawsuits and filings (never drafts or deleted records) as the next
numbered release, in every export format, and lists it at /data for download and citation.
A release never changes afterwards.

  --force   make the release even though the data has not changed since the last one
            (the new release has the same content hash and an empty changelog)

The CSVs' url column uses DOCKETLINE_PUBLIC_URL when set.`;

const { values } = parseScriptOptions({ force: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } }, USAGE);

function describeRelease(release: ReleaseSummary): string {
  const name = releaseName({ number: release.number, releasedAt: new Date(release.releasedAt) });
  const lines = [`Released ${name}: ${describeCounts(release.counts) || "no records"}.`, `Content hash (SHA-256): ${release.contentHash}`];
  for (const file of release.files) lines.push(`  ${file.sha256}  ${file.name} (${plural(file.bytes, "byte")})`);
  const since = release.previous ? `Since release ${release.previous.number}` : "First release";
  const changes = describeChanges(changeCounts(release.changelog));
  lines.push(release.unchanged ? `${since}: nothing changed (--force).` : `${since}: ${changes ?? "nothing changed"}.`);
  lines.push("Every record added, changed or removed is listed in the release's manifest.json.");
  return lines.join("\n");
}

async function main() {
  const outcome = await withDatabase(({ sql }) => createRelease(sql, { origin: publicOrigin(), force: values.force }));
  if (!outcome.ok) {
    const last = outcome.unchangedSince;
    throw new Error(
      `Nothing was released: the published data has not changed since ${releaseName({ number: last.number, releasedAt: new Date(last.releasedAt) })}, content hash ${last.contentHash}.\nRun \`npm run release -- --force\` to release it again anyway.`,
    );
  }
  console.log(describeRelease(outcome.release));
}

main().catch(fail);
