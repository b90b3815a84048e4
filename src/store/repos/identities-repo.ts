import type { IdentityLink, IdentityLinkRepo } from '../../core/store.ts';
import type { Db } from '../db-util.ts';
import type { ExternalIdentitiesTable } from '../schema.ts';

const toIdentity = (row: ExternalIdentitiesTable): IdentityLink => ({
  accountId: row.account_id,
  issuer: row.issuer,
  subject: row.subject,
  protocol: row.protocol as IdentityLink['protocol'],
  userId: row.user_id,
  createdAt: row.created_at,
  lastSignInAt: row.last_sign_in_at,
});

export class KyselyIdentityRepo implements IdentityLinkRepo {
  constructor(private readonly db: Db) {}

  async find(accountId: string, issuer: string, subject: string): Promise<IdentityLink | null> {
    const row = await this.db
      .selectFrom('external_identities')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst();
    return row ? toIdentity(row) : null;
  }

  async upsert(i: IdentityLink): Promise<void> {
    await this.db
      .insertInto('external_identities')
      .values({
        account_id: i.accountId,
        issuer: i.issuer,
        subject: i.subject,
        protocol: i.protocol,
        user_id: i.userId,
        created_at: i.createdAt,
        last_sign_in_at: i.lastSignInAt,
      })
      .onConflict((oc) => oc.columns(['account_id', 'issuer', 'subject']).doUpdateSet({ user_id: i.userId, last_sign_in_at: i.lastSignInAt }))
      .execute();
  }

  async listForUser(accountId: string, userId: string): Promise<IdentityLink[]> {
    const rows = await this.db
      .selectFrom('external_identities')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map(toIdentity);
  }
}
