import type { Metadata } from "next";

import { TableScroll, tableStyles } from "@/components/ui/table-scroll";
import { Badge } from "@/components/ui/badge";
import { STAFF_ROLE_DESCRIPTIONS, STAFF_ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/session";
import { listStaffAccounts } from "@/lib/auth/users";
import { formatTimestampDay } from "@/lib/dates/timestamp";
import { db } from "@/lib/db/client";

import { AccountStatusForm, CreateAccountForm, RoleForm } from "./account-forms";
import styles from "./users.module.css";

export const metadata: Metadata = { title: "Users · Staff" };

export default async function StaffUsersPage() {
  const me = await requireStaff("admin");
  const accounts = await listStaffAccounts(db);

  return (
    <>
      <h1>Users</h1>
      <p className="lede">Who can sign in to the staff pages. Accounts are disabled, never deleted, so that the history of every record keeps its authors.</p>
      <ul className={styles.roles}>
        {STAFF_ROLES.map((role) => (
          <li key={role}>
            <strong>{STAFF_ROLE_LABELS[role]}</strong>: {STAFF_ROLE_DESCRIPTIONS[role]}.
          </li>
        ))}
      </ul>

      <TableScroll labelledBy="users-caption">
        <table className={`${tableStyles.table} ${styles.accounts}`}>
          <caption id="users-caption">
            {accounts.length} {accounts.length === 1 ? "account" : "accounts"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail address</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const isMe = account.id === me.id;
              return (
                <tr key={account.id}>
                  <th scope="row">
                    {account.name}
                    {isMe ? <span className={styles.you}> (you)</span> : null}
                  </th>
                  <td className={styles.email}>{account.email}</td>
                  <td>
                    {isMe ? STAFF_ROLE_LABELS[account.role] : <RoleForm userId={account.id} name={account.name} role={account.role} />}
                  </td>
                  <td>
                    <div className={styles.status}>
                      <Badge tone={account.enabled ? "positive" : "negative"}>{account.enabled ? "Enabled" : "Disabled"}</Badge>
                      {isMe ? null : <AccountStatusForm userId={account.id} name={account.name} enabled={account.enabled} />}
                    </div>
                  </td>
                  <td className={styles.created}>{formatTimestampDay(account.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>

      <h2 id="new-account">New account</h2>
      <CreateAccountForm />
    </>
  );
}
