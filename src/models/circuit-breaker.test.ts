import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../core/clock.ts';
import { CircuitBreaker } from './circuit-breaker.ts';

test('opens after N consecutive failures and refuses calls until the cool-down passes', () => {
  const clock = new ManualClock('2026-01-01T00:00:00.000Z');
  const breaker = new CircuitBreaker(clock, { failureThreshold: 3, coolDownMs: 30_000 });
  breaker.recordFailure();
  breaker.recordFailure();
  assert.equal(breaker.state(), 'closed');
  breaker.recordFailure();
  assert.equal(breaker.state(), 'open');
  assert.equal(breaker.tryAcquire(), false);
  assert.deepEqual(breaker.snapshot(), {
    state: 'open',
    openUntil: new Date('2026-01-01T00:00:30.000Z'),
    trialInFlight: false,
    consecutiveFailures: 3,
  });
  clock.advance(29_999);
  assert.equal(breaker.state(), 'open');
});

test('a success resets the consecutive count', () => {
  const breaker = new CircuitBreaker(new ManualClock(), { failureThreshold: 2, minimumCalls: 100 });
  breaker.recordFailure();
  breaker.recordSuccess();
  breaker.recordFailure();
  assert.equal(breaker.state(), 'closed');
});

test('half-open lets exactly one trial through; its success closes the circuit', () => {
  const clock = new ManualClock();
  const breaker = new CircuitBreaker(clock, { failureThreshold: 1, coolDownMs: 10_000 });
  breaker.recordFailure();
  clock.advance(10_000);
  assert.equal(breaker.state(), 'half-open');
  assert.equal(breaker.tryAcquire(), true);
  assert.equal(breaker.tryAcquire(), false, 'a second caller must wait for the trial');
  assert.equal(breaker.snapshot().trialInFlight, true);
  breaker.recordSuccess();
  assert.equal(breaker.state(), 'closed');
  assert.equal(breaker.tryAcquire(), true);
});

test("a failed trial re-opens the circuit for a fresh cool-down", () => {
  const clock = new ManualClock('2026-01-01T00:00:00.000Z');
  const breaker = new CircuitBreaker(clock, { failureThreshold: 1, coolDownMs: 10_000 });
  breaker.recordFailure();
  clock.advance(10_000);
  assert.equal(breaker.tryAcquire(), true);
  breaker.recordFailure();
  assert.equal(breaker.state(), 'open');
  assert.deepEqual(breaker.snapshot().openUntil, new Date('2026-01-01T00:00:20.000Z'));
});

test('a trial whose outcome never arrives is handed out again after another cool-down', () => {
  const clock = new ManualClock();
  const breaker = new CircuitBreaker(clock, { failureThreshold: 1, coolDownMs: 5_000 });
  breaker.recordFailure();
  clock.advance(5_000);
  assert.equal(breaker.tryAcquire(), true);
  clock.advance(4_999);
  assert.equal(breaker.tryAcquire(), false);
  clock.advance(1);
  assert.equal(breaker.tryAcquire(), true);
});

test('opens on the failure rate over the window even without a long run of failures', () => {
  const breaker = new CircuitBreaker(new ManualClock(), { failureThreshold: 100, failureRate: 0.5, rateWindow: 10, minimumCalls: 10 });
  for (let i = 0; i < 9; i++) {
    if (i % 2 === 0) breaker.recordFailure();
    else breaker.recordSuccess();
  }
  assert.equal(breaker.state(), 'closed', 'the rate does not count below the minimum number of calls');
  breaker.recordSuccess();
  assert.equal(breaker.state(), 'closed', '5 of 10 failed, but the last call succeeded');
  breaker.recordFailure();
  assert.equal(breaker.state(), 'open', '6 of the last 10 failed');
});

test('late outcomes of calls made before the circuit opened change nothing', () => {
  const clock = new ManualClock();
  const breaker = new CircuitBreaker(clock, { failureThreshold: 1, coolDownMs: 1_000 });
  breaker.recordFailure();
  breaker.recordSuccess();
  assert.equal(breaker.state(), 'open');
});
