import Link from "next/link";

export default function LawsuitNotFound() {
  return (
    <>
      <h1>Lawsuit not found</h1>
      <p className="lede">
        Docketline has no lawsuit at this address. It may have been renamed; <Link href="/lawsuits">see all lawsuits</Link>.
      </p>
    </>
  );
}
