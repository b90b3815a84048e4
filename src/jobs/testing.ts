/**
 * Test support for the BullMQ queue: the machine's Redis, a key prefix of
 * its own for each test run (so test files can run in parallel), and its
 * keys deleted afterwards.
 */
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { BullmqConnectionOptions } from './bullmq-layout.ts';
import { inCi } from '../app/ci-env.ts';

export const TEST_REDIS_URL = process.env.CONFER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let redisReachable: Promise<string | null> | undefined;

/**
 * `null` when Redis answers, else the reason it does not, for the test's
 * skip message. In CI a missing Redis is an error, never a skip.
 */
export function redisUnavailable(): Promise<string | null> {
  redisReachable ??= (async () => {
    const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    // The socket's error says more than the "Connection is closed" that connect() rejects with.
    let socketError: Error | undefined;
    client.on('error', (error) => (socketError ??= error));
    try {
      await client.connect();
      await client.ping();
      return null;
    } catch (error) {
      return `Redis not reachable at ${TEST_REDIS_URL}: ${(socketError ?? (error as Error)).message}`;
    } finally {
      client.disconnect();
    }
  })();
  return redisReachable.then((reason) => {
    if (reason && inCi()) throw new Error(`${reason} (required in CI)`);
    return reason;
  });
}

export interface TestRedis extends BullmqConnectionOptions {
  prefix: string;
  /** Deletes every key under the prefix. */
  cleanup(): Promise<void>;
}

export function createTestRedis(): TestRedis {
  const prefix = `confer-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  return {
    url: TEST_REDIS_URL,
    prefix,
    async cleanup() {
      const client = new Redis(TEST_REDIS_URL);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
          if (keys.length > 0) await client.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        await client.quit();
      }
    },
  };
}
