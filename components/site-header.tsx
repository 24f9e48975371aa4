import Link from "next/link";

import { NavLink } from "@/components/nav-link";

import styles from "./site-header.module.css";

/** The header on every public page: the name, the sections, and a search that works without JavaScript. */
export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link className={styles.title} href="/">
          Docketline
        </Link>
        <nav aria-label="Sections" className={styles.nav}>
          <ul>
            <li><NavLink href="/" exact>Timeline</NavLink></li>
            <li><NavLink href="/lawsuits">Lawsuits</NavLink></li>
            <li><NavLink href="/states">States</NavLink></li>
            <li><NavLink href="/insights">Insights</NavLink></li>
            <li><NavLink href="/api">API</NavLink></li>
            <li><NavLink href="/about">About</NavLink></li>
          </ul>
        </nav>
        <form role="search" action="/" method="get" className={styles.search}>
          <label htmlFor="site-search" className="visually-hidden">
            Search filings
          </label>
          <input id="site-search" name="q" type="search" placeholder="Search filings" autoComplete="off" />
          <button type="submit">Search</button>
        </form>
      </div>
    </header>
  );
}
