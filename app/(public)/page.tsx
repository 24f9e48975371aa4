import { FilingList } from "@/components/filing-list";
import { countFilings, listFilings, MAX_PAGE_SIZE } from "@/lib/filings/queries";

// Always read the database: filings change without a rebuild.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [filings, total] = await Promise.all([listFilings({ sort: "newest" }), countFilings()]);
  return (
    <>
      <h1>Filings, newest first</h1>
      <p className="lede">
        Lawsuits, motions, briefs, letters and orders in multistate litigation, with the states that joined each one.
        {total > MAX_PAGE_SIZE ? ` Showing the latest ${filings.length} of ${total.toLocaleString("en-US")}.` : ` ${total} filings.`}
      </p>
      {filings.length > 0 ? <FilingList filings={filings} /> : <p>No filings yet. Import a dataset with <code>npm run import</code>.</p>}
    </>
  );
}
