/**
 * Recorded provider answers in `__fixtures__/`, read fresh on each call so
 * that a server may adjust its copy (e.g. the tool name) without affecting
 * the next answer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIRECTORY = fileURLToPath(new URL('../__fixtures__/', import.meta.url));

/**
 * @example
 * const completion = fixtureJson<{ choices: unknown[] }>('openai-chat-completion.json');
 */
export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

function fixtureText(name: string): string {
  return readFileSync(DIRECTORY + name, 'utf8');
}

/**
 * Server-sent events of a recorded stream, one string per event, each ending in a blank line.
 *
 * @example
 * fixtureEvents('openai-chat-stream.sse').at(-1); // 'data: [DONE]\n\n'
 */
export function fixtureEvents(name: string): string[] {
  return fixtureText(name)
    .split(/\n\n+/)
    .filter((event) => event.trim() !== '')
    .map((event) => `${event.trim()}\n\n`);
}
