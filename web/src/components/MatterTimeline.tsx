// 办理过程: the matter's events oldest first — what was done, by whom, on which business date, and the
// state it moved to, with the scalar fields of the step (labelled from the action's schema).
import { Descriptions, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumLabel, type JsonSchema, normalize } from '../kernel/schema.ts';
import type { KindDef, MatterEvent } from '../kernel/types.ts';
import { formatShanghai } from './labels.ts';

/** The step's own fields worth a line each: scalars only (lists and nested parts stay in the record). */
function payloadItems(schema: JsonSchema | undefined, payload: Record<string, unknown>) {
  return Object.entries(payload)
    .filter(([, v]) => v !== '' && v !== null && ['string', 'number', 'boolean'].includes(typeof v))
    .slice(0, 6)
    .map(([k, v]) => {
      const s = normalize(schema?.properties?.[k] ?? {});
      const text = typeof v === 'boolean' ? (v ? '✓' : '✗') : enumLabel(s, v);
      return { key: k, label: s.title ?? k, children: text.length > 120 ? `${text.slice(0, 120)}…` : text };
    });
}

export function MatterTimeline({ kind, events }: { kind: KindDef | undefined; events: MatterEvent[] }) {
  const { t } = useTranslation();
  const actionLabel = (a: string) =>
    a === 'create' ? (kind?.create.label ?? a) : (kind?.actions[a]?.label ?? a);
  const stateLabel = (s: string) => kind?.states[s]?.label ?? s;
  const items = events.map((e) => {
    const schema = e.action === 'create' ? kind?.create.schema : kind?.actions[e.action]?.schema;
    const fields = payloadItems(schema, e.payload ?? {});
    return {
      key: e.id,
      color: kind?.states[e.toState]?.terminal ? 'green' : 'blue',
      content: (
        <div data-testid={`event-${e.action}`}>
          <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {e.occurredOn} · {e.actorName ?? t('matter.system')}
          </Typography.Text>
          <div className="muted">
            {e.fromState
              ? t('matter.stateChange', { from: stateLabel(e.fromState), to: stateLabel(e.toState) })
              : t('matter.stateInitial', { to: stateLabel(e.toState) })}
            <span title={t('matter.recordedAt')}> · {formatShanghai(e.recordedAt)}</span>
          </div>
          {fields.length > 0 && (
            <Descriptions size="small" column={1} items={fields} className="event-fields" />
          )}
        </div>
      ),
    };
  });
  return <Timeline items={items} data-testid="matter-timeline" />;
}
