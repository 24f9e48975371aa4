import Link from "next/link";

/** What requireStaff("admin") shows a signed-in editor (HTTP 403). */
export default function StaffForbidden() {
  return (
    <>
      <h1>You are not allowed to see this page</h1>
      <p className="lede">This page is for admins. Your account can edit and publish records; ask an admin if you need more.</p>
      <p>
        <Link href="/staff">Back to the dashboard</Link>
      </p>
    </>
  );
}
