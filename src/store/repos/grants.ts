import { sql, type RawBuilder } from 'kysely';

/** The ids a user reads through: themself and their groups. */
export interface Principals {
  userId: string;
  groupIds: string[];
}

/**
 * True where the artifact in `artifactColumn` grants the principal read
 * access: shared with the whole account, with the user (owner, participant,
 * access list) or with one of their groups. Rows come from `artifact_grants`,
 * which the artifact repository derives on every write.
 */
export function readableBy(artifactColumn: string, principals: Principals): RawBuilder<boolean> {
  const groups =
    principals.groupIds.length > 0
      ? sql`or (g.principal_type = 'group' and g.principal_id in (${sql.join(principals.groupIds)}))`
      : sql``;
  return sql<boolean>`exists (
    select 1 from artifact_grants g
    where g.artifact_id = ${sql.ref(artifactColumn)}
      and (g.principal_type = 'account' or (g.principal_type = 'user' and g.principal_id = ${principals.userId}) ${groups})
  )`;
}
