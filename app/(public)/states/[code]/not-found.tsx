import Link from "next/link";

export default function JurisdictionNotFound() {
  return (
    <>
      <h1>Jurisdiction not found</h1>
      <p className="lede">
        Docketline knows the 50 states, the District of Columbia and the 5 inhabited territories by their USPS codes, such as{" "}
        <Link href="/states/NM">NM</Link>. <Link href="/states">See them all</Link>.
      </p>
    </>
  );
}
