/**
 * Structured and web-grounded features: whiteboard content as nodes and
 * edges, and general-knowledge answers with source links from a
 * `web_search` provider.
 */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { structuredCall } from './structured-call.ts';
import { textCall } from './text-call.ts';

// ---- whiteboard.generate ------------------------------------------------

export const WHITEBOARD_KINDS = ['sticky_notes', 'mind_map', 'flowchart', 'table'] as const;

export const whiteboardInput = z.object({
  prompt: z.string().trim().min(1).max(4000),
  kind: z.enum(WHITEBOARD_KINDS).default('mind_map'),
});
export type WhiteboardInput = z.infer<typeof whiteboardInput>;

const node = z.object({ id: z.string().trim().min(1).max(64), label: z.string().trim().min(1).max(500), type: z.enum(['note', 'topic', 'step', 'decision', 'cell', 'start', 'end']) });
const edge = z.object({ from: z.string().min(1), to: z.string().min(1), label: z.string().max(200).nullable() });
const board = z.object({ title: z.string().trim().min(1).max(200), nodes: z.array(node).min(1).max(200), edges: z.array(edge).max(400) });
export type Whiteboard = z.infer<typeof board> & { kind: (typeof WHITEBOARD_KINDS)[number] };

export const WHITEBOARD_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    nodes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, label: { type: 'string' }, type: { type: 'string', enum: ['note', 'topic', 'step', 'decision', 'cell', 'start', 'end'] } },
        required: ['id', 'label', 'type'],
        additionalProperties: false,
      },
    },
    edges: {
      type: 'array',
      items: {
        type: 'object',
        properties: { from: { type: 'string' }, to: { type: 'string' }, label: { type: ['string', 'null'] } },
        required: ['from', 'to', 'label'],
        additionalProperties: false,
      },
    },
  },
  required: ['title', 'nodes', 'edges'],
  additionalProperties: false,
};

/** Node ids unique; every edge joins two existing nodes. */
export function boardProblem(value: z.infer<typeof board>): string | null {
  const ids = new Set<string>();
  for (const n of value.nodes) {
    if (ids.has(n.id)) return `node id ${n.id} is used twice`;
    ids.add(n.id);
  }
  const dangling = value.edges.find((e) => !ids.has(e.from) || !ids.has(e.to));
  return dangling ? `edge ${dangling.from} -> ${dangling.to} names a node that does not exist` : null;
}

const KIND_HINT: Record<string, string> = {
  sticky_notes: 'sticky notes (type "note"), grouped by edges from a "topic" node where useful',
  mind_map: 'a mind map: one central "topic" node, sub-topics linked from it',
  flowchart: 'a flowchart: "start", "step", "decision" and "end" nodes; edges in order, decision edges labelled',
  table: 'a table: "cell" nodes with ids r<row>c<column> (r0 is the header row), no edges',
};

export const whiteboardFeature: FeatureDefinition<WhiteboardInput, Whiteboard> = {
  spec: featureSpec('whiteboard.generate')!,
  input: whiteboardInput,
  output: board.extend({ kind: z.enum(WHITEBOARD_KINDS) }).superRefine((value, ctx) => {
    const problem = boardProblem(value);
    if (problem) ctx.addIssue(problem);
  }),
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const result = await structuredCall(models, {
      schemaName: 'whiteboard',
      jsonSchema: WHITEBOARD_JSON_SCHEMA,
      schema: board,
      system: `You create whiteboard content as nodes and edges. Produce ${KIND_HINT[input.kind]}. Node ids are short and unique; edges join existing node ids.`,
      prompt: input.prompt,
      check: boardProblem,
    });
    return { output: { ...result.value, kind: input.kind }, provider: result.provider.name, model: result.model, usage: result.usage };
  },
};

// ---- panel.general_knowledge -------------------------------------------

export const generalKnowledgeInput = z.object({ question: z.string().trim().min(1).max(2000) });
export type GeneralKnowledgeInput = z.infer<typeof generalKnowledgeInput>;

export interface GeneralAnswer {
  answer: string;
  sources: { url: string; title: string | null }[];
  /** Whether the answer comes from a provider that searched the web. */
  webSearch: boolean;
}

export const generalKnowledgeFeature: FeatureDefinition<GeneralKnowledgeInput, GeneralAnswer> = {
  spec: featureSpec('panel.general_knowledge')!,
  input: generalKnowledgeInput,
  output: z.object({
    answer: z.string().min(1),
    sources: z.array(z.object({ url: z.url({ protocol: /^https?$/ }), title: z.string().nullable() })),
    webSearch: z.boolean(),
  }),
  artifactIds: () => [],
  citations: () => [],
  // Web questions go to a web_search provider when one is usable.
  routeNeeds: () => ({ webSearch: true }),
  async run({ input, models }) {
    const answer = await textCall(models, {
      system: 'You answer general-knowledge questions at work: definitions and explanations, briefly and accurately. Say when you are not sure.',
      messages: [{ role: 'user', content: input.question }],
      maxOutputTokens: 800,
    });
    const webSearch = answer.provider.capabilities.includes('web_search');
    const seen = new Set<string>();
    const sources = answer.sources
      .filter((s) => /^https?:\/\//.test(s.url) && !seen.has(s.url) && seen.add(s.url))
      .map((s) => ({ url: s.url, title: s.title ?? null }));
    return { output: { answer: answer.text, sources, webSearch }, provider: answer.provider.name, model: answer.model, usage: answer.usage };
  },
};
