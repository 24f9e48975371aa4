import Link from "next/link";

import { NavLink } from "@/components/nav-link";
import siteStyles from "@/components/site-header.module.css";
import { signOut } from "@/lib/auth/actions";
import type { Staff } from "@/lib/auth/session";

import styles from "./staff-header.module.css";

const SECTIONS = [
  { href: "/staff", label: "Dashboard", exact: true },
  { href: "/staff/filings", label: "Filings" },
  { href: "/staff/lawsuits", label: "Lawsuits" },
  { href: "/staff/officials", label: "Officials" },
  { href: "/staff/courts", label: "Courts" },
  { href: "/staff/policies", label: "Policies" },
  { href: "/staff/upload", label: "Upload" },
] as const;

/**
 * The header of the staff pages: the sections, who is signed in, and signing out.
 * Without a signed-in staff member (the sign-in page) it shows only the name and the
 * way back to the public site. Showing the Users link to admins only is a courtesy:
 * the page checks the role itself.
 */
export function StaffHeader({ staff }: { staff: Staff | null }) {
  return (
    <header className={`${siteStyles.header} ${styles.header}`}>
      <div className={siteStyles.inner}>
        <Link className={siteStyles.title} href="/staff">
          Docketline <span className={styles.area}>· Staff</span>
        </Link>
        {staff ? (
          <nav aria-label="Staff sections" className={siteStyles.nav}>
            <ul>
              {SECTIONS.map((section) => (
                <li key={section.href}>
                  <NavLink href={section.href} exact={"exact" in section && section.exact}>
                    {section.label}
                  </NavLink>
                </li>
              ))}
              {staff.role === "admin" ? (
                <>
                  <li>
                    <NavLink href="/staff/issue-areas">Issue areas</NavLink>
                  </li>
                  <li>
                    <NavLink href="/staff/users">Users</NavLink>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <div className={styles.account}>
          <Link href="/">View public site</Link>
          {staff ? (
            <>
              <span className={styles.who}>
                Signed in as <strong>{staff.name}</strong> ({staff.role})
              </span>
              <form action={signOut}>
                <button type="submit" className={styles.signOut}>
                  Sign out
                </button>
              </form>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}
