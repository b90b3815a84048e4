/** whiteboard.generate: sticky notes, mind maps, flowcharts and tables as validated nodes and edges. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { structuredCall } from './structured-call.ts';


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
