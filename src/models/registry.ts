/**
 * The providers of one Confer process: the built-in engine plus one adapter
 * per configured registration, looked up by name, with their observed health.
 * An instance holds everything; there is no module-level state, so tests and
 * tenants of a process never share a registry by accident.
 */
import { systemClock, type Clock } from '../core/clock.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { Provider, ProviderInfo } from '../core/provider.ts';
import { createProvider, type Env } from './adapters/create-provider.ts';
import { builtinProvider } from './builtin-provider.ts';
import type { ProviderConfig } from './config.ts';
import { HealthBook, type HealthOptions } from './provider-health.ts';

export interface RegistryOptions {
  /** Where secrets are read from; defaults to `process.env`. */
  env?: Env;
  clock?: Clock;
  health?: HealthOptions;
}

export class ProviderRegistry {
  readonly health: HealthBook;
  private readonly byName: Map<string, Provider>;

  /**
   * Registers the built-in engine and the given providers (which must have unique names).
   *
   * @example
   * new ProviderRegistry([builtinProvider, myTestProvider]).list().map((p) => p.name); // ['builtin', 'my-test']
   */
  constructor(providers: readonly Provider[], options: Pick<RegistryOptions, 'clock' | 'health'> = {}) {
    this.health = new HealthBook(options.clock ?? systemClock, options.health);
    this.byName = new Map();
    for (const provider of [builtinProvider, ...providers.filter((p) => p !== builtinProvider)]) {
      if (this.byName.has(provider.info.name)) {
        throw new AppError('conflict', `provider name ${provider.info.name} is registered twice`, { details: { provider: provider.info.name } });
      }
      this.byName.set(provider.info.name, provider);
    }
  }

  /**
   * Creates an adapter for each configured provider, reading their secrets from `env`.
   *
   * @example
   * const registry = ProviderRegistry.fromConfig((await loadProviderConfig()).providers);
   */
  static fromConfig(configs: readonly ProviderConfig[], options: RegistryOptions = {}): ProviderRegistry {
    const env = options.env ?? process.env;
    return new ProviderRegistry(
      configs.map((config) => createProvider(config, env)),
      options,
    );
  }

  /** Registration data of every provider, the built-in engine first. */
  list(): ProviderInfo[] {
    return [...this.byName.values()].map((provider) => provider.info);
  }

  get(name: string): Provider | undefined {
    return this.byName.get(name);
  }

  require(name: string): Provider {
    const provider = this.byName.get(name);
    if (!provider) throw notFound('provider', name);
    return provider;
  }

  /** The providers of a routed chain, in order. */
  resolve(chain: readonly ProviderInfo[]): Provider[] {
    return chain.map((info) => this.require(info.name));
  }
}
