import { sql } from 'kysely';
import { blobType, type ConferMigration } from './migration.ts';

export const foundation: ConferMigration = {
  name: '0001-foundation',
  async up(db, dialect) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('home_region', 'text', (c) => c.notNull())
      .addColumn('deployment_mode', 'text', (c) => c.notNull())
      .addColumn('base_ai_licence', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('studio', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('ai_access', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('custom_addon', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
      .addColumn('external_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('users_account_email', ['account_id', 'email'])
      .execute();

    await db.schema
      .createTable('groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('ai_access', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('groups_account_name', ['account_id', 'name'])
      .execute();

    await db.schema
      .createTable('memberships')
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['group_id', 'user_id'])
      .execute();
    await db.schema.createIndex('memberships_user').on('memberships').columns(['user_id']).execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('artifacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('participants', 'text', (c) => c.notNull())
      .addColumn('access', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('ended_at', 'text')
      .addColumn('source', 'text')
      .addColumn('source_sha256', 'text')
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('artifacts_account_created').on('artifacts').columns(['account_id', 'created_at']).execute();
    await db.schema.createIndex('artifacts_account_sha').on('artifacts').columns(['account_id', 'source_sha256']).execute();

    await db.schema
      .createTable('artifact_grants')
      .addColumn('artifact_id', 'text', (c) => c.notNull().references('artifacts.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('principal_type', 'text', (c) => c.notNull())
      .addColumn('principal_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('artifact_grants_pk', ['artifact_id', 'principal_type', 'principal_id'])
      .execute();
    await db.schema
      .createIndex('artifact_grants_principal')
      .on('artifact_grants')
      .columns(['account_id', 'principal_type', 'principal_id'])
      .execute();

    await db.schema
      .createTable('segments')
      .addColumn('artifact_id', 'text', (c) => c.notNull().references('artifacts.id').onDelete('cascade'))
      .addColumn('idx', 'integer', (c) => c.notNull())
      .addColumn('speaker', 'text', (c) => c.notNull())
      .addColumn('start_s', 'double precision', (c) => c.notNull())
      .addColumn('end_s', 'double precision', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('speech'))
      .addColumn('language', 'text')
      .addColumn('confidence', 'double precision')
      .addPrimaryKeyConstraint('segments_pk', ['artifact_id', 'idx'])
      .execute();

    await db.schema
      .createTable('artifact_files')
      .addColumn('artifact_id', 'text', (c) => c.primaryKey().references('artifacts.id').onDelete('cascade'))
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('bytes', blobType(dialect), (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('outputs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('feature_id', 'text', (c) => c.notNull())
      .addColumn('artifact_id', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('model', 'text')
      .addColumn('created_by', 'text')
      .addColumn('idempotency_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('outputs_idempotency', ['account_id', 'idempotency_key'])
      .execute();
    await db.schema
      .createIndex('outputs_artifact_feature')
      .on('outputs')
      .columns(['account_id', 'artifact_id', 'feature_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('output_links')
      .addColumn('output_id', 'text', (c) => c.notNull().references('outputs.id').onDelete('cascade'))
      .addColumn('artifact_id', 'text', (c) => c.notNull())
      .addColumn('segment', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('output_links_pk', ['output_id', 'artifact_id', 'segment'])
      .execute();
    await db.schema.createIndex('output_links_artifact').on('output_links').columns(['artifact_id']).execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_runnable').on('jobs').columns(['status', 'run_at']).execute();

    await db.schema
      .createTable('audit_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addUniqueConstraint('audit_events_account_seq', ['account_id', 'seq'])
      .execute();
    for (const column of ['at', 'action', 'actor_id', 'target_id'] as const) {
      await db.schema.createIndex(`audit_events_${column}`).on('audit_events').columns(['account_id', column]).execute();
    }

    await db.schema
      .createTable('audit_heads')
      .addColumn('account_id', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addPrimaryKeyConstraint('settings_pk', ['account_id', 'scope', 'scope_id', 'key'])
      .execute();

    if (dialect === 'postgres') {
      await db.schema
        .createTable('search_entries')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('artifact_id', 'text', (c) => c.notNull().references('artifacts.id').onDelete('cascade'))
        .addColumn('segment', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('search_entries_pk', ['artifact_id', 'segment'])
        .execute();
      await sql`alter table search_entries add column tsv tsvector generated always as (to_tsvector('english', body)) stored`.execute(db);
      await sql`create index search_entries_tsv on search_entries using gin (tsv)`.execute(db);
      await db.schema.createIndex('search_entries_account').on('search_entries').columns(['account_id']).execute();
    } else {
      // FTS5 with the Porter stemmer; ids are stored unindexed for filtering and joins.
      await sql`create virtual table search_fts using fts5(
        account_id unindexed, artifact_id unindexed, segment unindexed, body,
        tokenize = 'porter unicode61 remove_diacritics 2'
      )`.execute(db);
    }
  },
};
