import type { z } from 'zod';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'select'
  | 'multiselect'
  | 'checkbox'
  | 'number'
  | 'user'
  | 'applicants';

/** A form field the Slack layer renders in a modal. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  labelKey: string;
  options?: readonly string[];
}

type Def = {
  type: string;
  format?: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;
const META_KINDS = new Set<FieldKind>(['textarea', 'user']);

/** Unwraps optional/nullable/default layers; a field is required unless one of them is optional. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean } {
  let inner = schema;
  let required = true;
  for (let def = defOf(inner); def.innerType !== undefined; def = defOf(inner)) {
    if (def.type === 'optional') required = false;
    inner = def.innerType;
  }
  return { inner, required };
}

/** The form kind of one zod field (meta `field` overrides: textarea, user). */
function kindOf(schema: z.ZodType): Pick<FieldSpec, 'kind' | 'options'> {
  const meta = (schema.meta?.() ?? {}) as { field?: FieldKind };
  if (meta.field && META_KINDS.has(meta.field)) return { kind: meta.field };
  const def = defOf(schema);
  if (def.type === 'enum') return { kind: 'select', options: Object.values(def.entries ?? {}) };
  if (def.type === 'boolean') return { kind: 'checkbox' };
  if (def.type === 'number') return { kind: 'number' };
  if (def.type === 'array') {
    const element = defOf(def.element as z.ZodType);
    return element.type === 'enum'
      ? { kind: 'multiselect', options: Object.values(element.entries ?? {}) }
      : { kind: 'applicants' };
  }
  if (def.format === 'date') return { kind: 'date' };
  if (def.format === 'datetime') return { kind: 'datetime' };
  return { kind: 'text' };
}

const META_FIELDS = new Set(['type', 'actor', 'recordedAt', 'decisionKind']);

/** The form fields of an event schema, in schema order; factDate is labelled by the fact it dates. */
export function fieldsOf(eventType: string, schema: z.ZodObject): FieldSpec[] {
  // factDate is a form field only where the event records an outside fact (there it is required).
  return Object.entries(schema.shape)
    .filter(
      ([name, field]) =>
        !META_FIELDS.has(name) && !(name === 'factDate' && (field as z.ZodType).safeParse(undefined).success),
    )
    .map(([name, field]) => {
      const { inner, required } = unwrap(field as z.ZodType);
      const labelKey = name === 'factDate' ? `fact.${eventType}` : `field.${name}`;
      return { name, required, labelKey, ...kindOf(inner) };
    });
}

/** The label key of one option of a select field. */
export function optionLabelKey(field: string, value: string): string {
  return `option.${field}.${value}`;
}
