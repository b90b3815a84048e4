import type { Kysely } from 'kysely';
import type { Store } from '../core/store.ts';
import type { Db } from './db-util.ts';
import { KyselyAccountRepo } from './repos/accounts-repo.ts';
import { KyselyArtifactRepo } from './repos/artifacts-repo.ts';
import { KyselyAuditRepo } from './repos/audit-repo.ts';
import { KyselyFileRepo } from './repos/files-repo.ts';
import { KyselyIdentityRepo } from './repos/identities-repo.ts';
import { KyselyGroupRepo } from './repos/groups-repo.ts';
import { KyselyJobRepo } from './repos/jobs-repo.ts';
import { KyselyProviderRepo } from './repos/providers-repo.ts';
import { KyselyOutputRepo } from './repos/outputs-repo.ts';
import { KyselySearchRepo } from './repos/search-repo.ts';
import { KyselySegmentRepo } from './repos/segments-repo.ts';
import { KyselySettingsRepo } from './repos/settings-repo.ts';
import { KyselyTaskRepo } from './repos/tasks-repo.ts';
import { KyselyTokenRepo } from './repos/tokens-repo.ts';
import { KyselyUserRepo } from './repos/users-repo.ts';
import { KyselyBlockedPatternRepo } from './repos/blocked-patterns-repo.ts';
import { KyselyDisclaimerRepo } from './repos/disclaimers-repo.ts';
import { KyselyHoldRepo } from './repos/holds-repo.ts';
import { KyselyRetentionRepo } from './repos/retention-repo.ts';
import { KyselyShareLinkRepo } from './repos/share-links-repo.ts';
import type { Database } from './schema.ts';

/** The `Store` over Kysely; one instance per connection or transaction. */
export class KyselyStore implements Store {
  readonly accounts;
  readonly users;
  readonly groups;
  readonly tokens;
  readonly artifacts;
  readonly segments;
  readonly files;
  readonly outputs;
  readonly jobs;
  readonly audit;
  readonly settings;
  readonly search;
  readonly tasks;
  readonly providers;
  readonly retention;
  readonly holds;
  readonly blockedPatterns;
  readonly shareLinks;
  readonly disclaimers;
  readonly identities;

  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
  ) {
    const d: Db = db;
    this.accounts = new KyselyAccountRepo(d);
    this.users = new KyselyUserRepo(d);
    this.groups = new KyselyGroupRepo(d);
    this.tokens = new KyselyTokenRepo(d);
    this.artifacts = new KyselyArtifactRepo(d, dialect);
    this.segments = new KyselySegmentRepo(d);
    this.files = new KyselyFileRepo(d);
    this.outputs = new KyselyOutputRepo(d);
    this.jobs = new KyselyJobRepo(d, dialect);
    this.audit = new KyselyAuditRepo(d, dialect);
    this.settings = new KyselySettingsRepo(d);
    this.search = new KyselySearchRepo(d, dialect);
    this.tasks = new KyselyTaskRepo(d);
    this.providers = new KyselyProviderRepo(d);
    this.retention = new KyselyRetentionRepo(d, dialect);
    this.holds = new KyselyHoldRepo(d);
    this.blockedPatterns = new KyselyBlockedPatternRepo(d);
    this.shareLinks = new KyselyShareLinkRepo(d);
    this.disclaimers = new KyselyDisclaimerRepo(d);
    this.identities = new KyselyIdentityRepo(d);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new KyselyStore(trx, this.dialect)));
  }

  async close(): Promise<void> {
    if (this.db.isTransaction) return;
    await this.db.destroy();
  }
}
