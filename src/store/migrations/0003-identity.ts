import type { ConferMigration } from './migration.ts';

/** Links between users and the identities they sign in with (OIDC issuer and subject; SAML later). */
export const identity: ConferMigration = {
  name: '0003-identity',
  async up(db) {
    await db.schema
      .createTable('external_identities')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('protocol', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_sign_in_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('external_identities_pk', ['account_id', 'issuer', 'subject'])
      .execute();
    await db.schema.createIndex('external_identities_user').on('external_identities').columns(['account_id', 'user_id']).execute();
  },
};
