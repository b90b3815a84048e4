/**
 * The model layer of one process (`ModelGateway`): the operator's providers
 * from `CONFER_CONFIG`, each account's own registrations from the admin API,
 * the built-in engine, one health book (circuit breakers, latency, calls in
 * flight) and one router per account (it keeps the turns used to spread
 * load). Nothing here holds anything about a request's content.
 */
import { systemClock, type Clock } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import type {
  ModelAttempt,
  ModelGateway,
  ModelRoute,
  Provider,
  ProviderInfo,
  ProviderSource,
  ProviderStatus,
  RouteAccount,
  RouteNeeds,
} from '../core/provider.ts';
import type { Store } from '../core/store.ts';
import { createProvider, type Env } from './adapters/create-provider.ts';
import { builtinProvider } from './builtin-provider.ts';
import { parseProviderRegistration, type ProviderConfig } from './config.ts';
import { runWithFallback, type FallbackOptions } from './fallback.ts';
import { HealthBook, type HealthOptions, type HealthView } from './provider-health.ts';
import { Router, type RouterOptions } from './router.ts';

export interface ModelServiceOptions {
  /** Where secrets are read from when an adapter is created; defaults to `process.env`. */
  env?: Env;
  clock?: Clock;
  health?: HealthOptions;
  router?: Omit<RouterOptions, 'health'>;
  /** Retry settings of `run` (tests use no backoff). */
  fallback?: Pick<FallbackOptions, 'retries' | 'backoffMs' | 'sleep'>;
}

interface Registered {
  provider: Provider;
  source: ProviderSource;
}

export class ModelService implements ModelGateway {
  readonly health: HealthBook;
  private readonly env: Env;
  private readonly fileProviders: Registered[];
  private readonly accountAdapters = new Map<string, { registration: string; provider: Provider }>();
  private readonly routers = new Map<string, { signature: string; router: Router }>();

  /**
   * @example
   * const models = new ModelService(store, (await loadProviderConfig(config.configFile)).providers);
   */
  constructor(
    private readonly store: Pick<Store, 'providers'>,
    fileConfigs: readonly ProviderConfig[],
    private readonly options: ModelServiceOptions = {},
  ) {
    this.env = options.env ?? process.env;
    this.health = new HealthBook(options.clock ?? systemClock, options.health);
    this.fileProviders = fileConfigs.map((config) => ({ provider: createProvider(config, this.env), source: 'config' as const }));
  }

  /** Names the operator's configuration file registers (an account may not reuse them). */
  fileProviderNames(): string[] {
    return this.fileProviders.map((r) => r.provider.info.name);
  }

  async providers(accountId: string): Promise<{ info: ProviderInfo; source: ProviderSource }[]> {
    return (await this.registered(accountId)).map((r) => ({ info: r.provider.info, source: r.source }));
  }

  async route(accountId: string, account: RouteAccount, needs: RouteNeeds): Promise<ModelRoute> {
    const registered = await this.registered(accountId);
    const infos = registered.map((r) => r.provider.info);
    const signature = JSON.stringify(infos);
    let entry = this.routers.get(accountId);
    if (!entry || entry.signature !== signature) {
      entry = { signature, router: new Router(infos, { ...this.options.router, health: this.healthView(accountId, registered) }) };
      this.routers.set(accountId, entry);
    }
    return entry.router.choose(account, needs);
  }

  async run<T>(
    accountId: string,
    chain: readonly ProviderInfo[],
    operation: (provider: Provider) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<{ value: T; provider: ProviderInfo; attempts: ModelAttempt[] }> {
    const registered = await this.registered(accountId);
    const byName = new Map(registered.map((r) => [r.provider.info.name, r]));
    const providers = chain.map((info) => {
      const found = byName.get(info.name);
      // Only what the account registered, exactly as routed, may be called.
      if (!found || (found.provider.info !== info && JSON.stringify(found.provider.info) !== JSON.stringify(info))) {
        throw new AppError('internal', `provider ${info.name} is not a registered provider of this account`, { details: { provider: info.name } });
      }
      if (found.source === 'builtin') throw new AppError('internal', 'the built-in engine runs in process, not through a provider call');
      return found.provider;
    });
    const health = { of: (name: string) => this.health.of(this.healthKey(accountId, byName.get(name)?.source, name)) };
    const result = await runWithFallback(providers, operation, { ...this.options.fallback, health, signal });
    return { value: result.value, provider: result.provider.info, attempts: result.attempts };
  }

  status(accountId: string, provider: string): ProviderStatus {
    const fromFile = this.fileProviders.some((r) => r.provider.info.name === provider);
    const snapshot = this.health.snapshot(this.healthKey(accountId, fromFile || provider === 'builtin' ? 'config' : 'account', provider));
    return {
      circuit: snapshot.circuit.state,
      openUntil: snapshot.circuit.openUntil?.toISOString() ?? null,
      consecutiveFailures: snapshot.circuit.consecutiveFailures,
      latencyMs: snapshot.latencyMs === null ? null : Math.round(snapshot.latencyMs),
      outstanding: snapshot.outstanding,
    };
  }

  checkRegistration(raw: unknown): ProviderInfo {
    return createProvider(parseProviderRegistration(raw), this.env).info;
  }

  /** The built-in engine, the operator's providers, then the account's own, in that order. */
  private async registered(accountId: string): Promise<Registered[]> {
    const own: Registered[] = [];
    const fileNames = new Set(this.fileProviderNames());
    for (const stored of await this.store.providers.list(accountId)) {
      // A name the operator's file took after the account registered it belongs to the file.
      if (fileNames.has(stored.name)) continue;
      const key = `${accountId}/${stored.name}`;
      const registration = JSON.stringify(stored.registration);
      let cached = this.accountAdapters.get(key);
      if (!cached || cached.registration !== registration) {
        try {
          cached = { registration, provider: createProvider(parseProviderRegistration(stored.registration), this.env) };
        } catch {
          // A registration whose secret has since been removed from the environment cannot be called: it is left out.
          continue;
        }
        this.accountAdapters.set(key, cached);
      }
      own.push({ provider: cached.provider, source: 'account' });
    }
    return [{ provider: builtinProvider, source: 'builtin' }, ...this.fileProviders, ...own];
  }

  /** Accounts' own providers have health of their own; the operator's are shared by every account. */
  private healthKey(accountId: string, source: ProviderSource | undefined, name: string): string {
    return source === 'account' ? `${accountId}/${name}` : name;
  }

  private healthView(accountId: string, registered: Registered[]): HealthView {
    const sources = new Map(registered.map((r) => [r.provider.info.name, r.source]));
    return { snapshot: (name) => this.health.snapshot(this.healthKey(accountId, sources.get(name), name)) };
  }
}
