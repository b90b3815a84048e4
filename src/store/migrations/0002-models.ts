import type { ConferMigration } from './migration.ts';

/**
 * Model providers an account registers through the admin API. The
 * registration holds names of environment variables, never secrets.
 */
export const models: ConferMigration = {
  name: '0002-models',
  async up(db) {
    await db.schema
      .createTable('model_providers')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('registration', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('model_providers_pk', ['account_id', 'name'])
      .execute();
  },
};
