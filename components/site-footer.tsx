import Link from "next/link";

import { DATA_PATH } from "@/lib/releases/paths";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="page">
        Every fact in Docketline cites its public sources. <Link href="/about">About the data</Link>.
        {" · "}
        <Link href={DATA_PATH}>Data releases</Link>
        {" · "}
        <Link href="/staff/sign-in" rel="nofollow">
          Staff sign-in
        </Link>
      </div>
    </footer>
  );
}
