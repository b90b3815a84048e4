import { useEffect, useState } from 'react';
import type { AdminUser } from '../../api/admin-types.ts';
import { api } from '../../api/client.ts';
import { getToken } from '../../auth/session.ts';

/** One lookup per user and session, however many rows name the user. */
const lookups = new Map<string, Promise<AdminUser | null>>();

function lookUp(id: string): Promise<AdminUser | null> {
  const key = `${getToken() ?? ''} ${id}`;
  let found = lookups.get(key);
  if (!found) {
    found = api<AdminUser>(`/v1/users/${encodeURIComponent(id)}`).catch(() => null);
    lookups.set(key, found);
  }
  return found;
}

/** A user named by id in an admin table, shown by name and email once looked up. */
export function UserLabel({ id, prefix = 'user ' }: { id: string; prefix?: string }) {
  const [user, setUser] = useState<AdminUser | null>(null);
  useEffect(() => {
    let live = true;
    void lookUp(id).then((u) => live && setUser(u));
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <>
      {prefix}
      {user ? `${user.name} <${user.email}>` : id}
    </>
  );
}
