import type { AnyStateMachine } from 'xstate';

interface Node {
  key: string;
  id: string;
  type: string;
  states: Record<string, Node>;
  initial?: { target: Node[] };
  transitions: Map<string, Array<{ target?: Node[]; guard?: unknown; reenter?: boolean }>>;
}

const nodeId = (node: Node) => node.id.replace(/\./g, '_');

/** A readable guard name: named guards as is, parameterized ones with their parameters. */
export function guardLabel(guard: unknown): string {
  if (guard === undefined) return '';
  if (typeof guard === 'string') return guard;
  const { type, params } = guard as { type: string; params?: Record<string, unknown> };
  if (params === undefined || typeof params === 'function') return type;
  const values = Object.values(params).map((v) => (Array.isArray(v) ? v.join('|') : String(v)));
  return `${type}(${values.join(', ')})`;
}

function renderNode(node: Node, indent: string, lines: string[]): void {
  const children = Object.values(node.states);
  if (children.length > 0) {
    lines.push(`${indent}state ${nodeId(node)} {`);
    renderChildren(node, `${indent}  `, lines);
    lines.push(`${indent}}`);
  }
  if (node.type === 'final') lines.push(`${indent}${nodeId(node)} --> [*]`);
}

function renderChildren(parent: Node, indent: string, lines: string[]): void {
  const initial = parent.initial?.target[0];
  if (initial) lines.push(`${indent}[*] --> ${nodeId(initial)}`);
  for (const child of Object.values(parent.states)) renderNode(child, indent, lines);
}

function renderTransitions(node: Node, lines: string[]): void {
  for (const [event, transitions] of node.transitions) {
    for (const t of transitions) {
      for (const target of t.target ?? []) {
        const guard = guardLabel(t.guard);
        lines.push(`  ${nodeId(node)} --> ${nodeId(target)} : ${event}${guard ? ` [${guard}]` : ''}`);
      }
    }
  }
  for (const child of Object.values(node.states)) renderTransitions(child, lines);
}

/** A Mermaid stateDiagram-v2 of a machine: nesting, initial and final states, every targeted transition with its guard. */
export function toMermaid(machine: AnyStateMachine): string {
  const root = machine.root as unknown as Node;
  const lines = ['stateDiagram-v2'];
  renderChildren(root, '  ', lines);
  renderTransitions(root, lines);
  return `${lines.join('\n')}\n`;
}
