import type { Audience, ConsentAcceptance, Disclaimer, DisclaimerRepo } from '../../core/lifecycle.ts';
import { parseJson, toBool, type Db } from '../db-util.ts';
import type { DisclaimersTable } from '../schema.ts';

const toDisclaimer = (r: DisclaimersTable): Disclaimer => ({
  accountId: r.account_id,
  featureGroup: r.feature_group,
  audience: r.audience as Audience,
  texts: parseJson<Record<string, string>>(r.texts, {}),
  requireConsent: toBool(r.require_consent),
  version: Number(r.version),
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export class KyselyDisclaimerRepo implements DisclaimerRepo {
  constructor(private readonly db: Db) {}

  async put(d: Disclaimer): Promise<void> {
    const values = {
      texts: JSON.stringify(d.texts),
      require_consent: d.requireConsent ? 1 : 0,
      version: d.version,
      updated_at: d.updatedAt,
      updated_by: d.updatedBy,
    };
    await this.db
      .insertInto('disclaimers')
      .values({ account_id: d.accountId, feature_group: d.featureGroup, audience: d.audience, ...values })
      .onConflict((oc) => oc.columns(['account_id', 'feature_group', 'audience']).doUpdateSet(values))
      .execute();
  }

  async get(accountId: string, featureGroup: string, audience: Audience): Promise<Disclaimer | null> {
    const row = await this.db
      .selectFrom('disclaimers')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('feature_group', '=', featureGroup)
      .where('audience', '=', audience)
      .executeTakeFirst();
    return row ? toDisclaimer(row) : null;
  }

  async list(accountId: string): Promise<Disclaimer[]> {
    const rows = await this.db.selectFrom('disclaimers').selectAll().where('account_id', '=', accountId).orderBy('feature_group').orderBy('audience').execute();
    return rows.map(toDisclaimer);
  }

  async accept(a: ConsentAcceptance): Promise<void> {
    await this.db
      .insertInto('consent_acceptances')
      .values({
        account_id: a.accountId,
        user_id: a.userId,
        feature_group: a.featureGroup,
        audience: a.audience,
        version: a.version,
        language: a.language,
        accepted_at: a.acceptedAt,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async acceptance(accountId: string, userId: string, featureGroup: string, audience: Audience, version: number): Promise<ConsentAcceptance | null> {
    const r = await this.db
      .selectFrom('consent_acceptances')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('user_id', '=', userId)
      .where('feature_group', '=', featureGroup)
      .where('audience', '=', audience)
      .where('version', '=', version)
      .executeTakeFirst();
    return r
      ? { accountId: r.account_id, userId: r.user_id, featureGroup: r.feature_group, audience: r.audience as Audience, version: Number(r.version), language: r.language, acceptedAt: r.accepted_at }
      : null;
  }
}
