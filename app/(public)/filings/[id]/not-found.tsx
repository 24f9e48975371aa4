import Link from "next/link";

export default function FilingNotFound() {
  return (
    <>
      <h1>No filing with that id</h1>
      <p className="lede">The link may be mistyped, or the filing may have been removed from Docketline.</p>
      <p>
        <Link href="/">Back to the timeline</Link>
      </p>
    </>
  );
}
