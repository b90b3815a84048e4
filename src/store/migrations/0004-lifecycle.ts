import type { ConferMigration } from './migration.ts';

/**
 * Data lifecycle (SPEC §8): hidden-but-kept rows, retention policies, the
 * deletion ledger the sweep works through, legal holds, custom blocked
 * patterns, share links and disclaimers with their recorded consents.
 */
export const lifecycle: ConferMigration = {
  name: '0004-lifecycle',
  async up(db) {
    // Set when the owner or a policy deletes the row: hidden from every read, purged later unless held.
    await db.schema.alterTable('artifacts').addColumn('deleted_at', 'text').execute();
    await db.schema.alterTable('outputs').addColumn('deleted_at', 'text').execute();

    await db.schema
      .createTable('retention_policies')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('days', 'integer')
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addPrimaryKeyConstraint('retention_policies_pk', ['account_id', 'kind', 'target'])
      .execute();

    // The ledger of requested deletions; ids and times only, never content.
    await db.schema
      .createTable('deletion_requests')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text')
      .addColumn('purge_after', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addColumn('batch_id', 'text')
      .addPrimaryKeyConstraint('deletion_requests_pk', ['account_id', 'target_kind', 'target_id'])
      .execute();
    await db.schema.createIndex('deletion_requests_due').on('deletion_requests').columns(['status', 'purge_after']).execute();

    await db.schema
      .createTable('legal_holds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('artifact_id', 'text')
      .addColumn('from_at', 'text')
      .addColumn('to_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('released_at', 'text')
      .addColumn('released_by', 'text')
      .addUniqueConstraint('legal_holds_account_name', ['account_id', 'name'])
      .execute();

    await db.schema
      .createTable('blocked_patterns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('pattern', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addUniqueConstraint('blocked_patterns_account_name', ['account_id', 'name'])
      .execute();

    await db.schema
      .createTable('share_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('output_id', 'text', (c) => c.notNull().references('outputs.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('share_links_output').on('share_links').columns(['output_id']).execute();

    await db.schema
      .createTable('disclaimers')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('feature_group', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('texts', 'text', (c) => c.notNull())
      .addColumn('require_consent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addPrimaryKeyConstraint('disclaimers_pk', ['account_id', 'feature_group', 'audience'])
      .execute();

    await db.schema
      .createTable('consent_acceptances')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('feature_group', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('consent_acceptances_pk', ['account_id', 'user_id', 'feature_group', 'audience', 'version'])
      .execute();
  },
};
