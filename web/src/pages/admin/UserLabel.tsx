import type { AdminUser } from '../../api/admin-types.ts';
import { useResource } from '../../api/use-resource.ts';

/** A user named by id in an admin table, shown by name and email once looked up (one request per user shown). */
export function UserLabel({ id }: { id: string }) {
  const user = useResource<AdminUser>(`/v1/users/${encodeURIComponent(id)}`);
  return <>user {user.data ? `${user.data.name} <${user.data.email}>` : id}</>;
}
