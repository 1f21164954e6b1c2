// 办理过程: the matter's events oldest first — what was done (the line's label and one-line summary), by whom,
// on which business date, and the state it moved to. Raw payloads hold identity numbers and long texts, so
// they are shown only as a fallback for a step the line gave no summary, and never for the registration.
import { Descriptions, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumLabel, type JsonSchema, normalize } from '../kernel/schema.ts';
import type { KindDef, MatterEvent } from '../kernel/types.ts';
import { formatShanghai } from './labels.ts';

/** Keys never echoed even in the fallback: identity documents of people and organisations. */
const PRIVATE = /idNumber|creditCode|phone|address/i;

/** The step's own short fields worth a line each: scalars only, labelled from the action's schema. */
function payloadItems(schema: JsonSchema | undefined, payload: Record<string, unknown>) {
  return Object.entries(payload)
    .filter(
      ([k, v]) =>
        !PRIVATE.test(k) && v !== '' && v !== null && ['string', 'number', 'boolean'].includes(typeof v),
    )
    .slice(0, 4)
    .map(([k, v]) => {
      const s = normalize(schema?.properties?.[k] ?? {});
      const text = typeof v === 'boolean' ? (v ? '✓' : '✗') : enumLabel(s, v);
      return { key: k, label: s.title ?? k, children: text.length > 80 ? `${text.slice(0, 80)}…` : text };
    });
}

export function MatterTimeline({ kind, events }: { kind: KindDef | undefined; events: MatterEvent[] }) {
  const { t } = useTranslation();
  const items = events.map((e) => {
    const fields =
      e.action === 'create' || e.summary
        ? []
        : payloadItems(kind?.actions[e.action]?.schema, e.payload ?? {});
    return {
      key: e.id,
      color: kind?.states[e.toState]?.terminal ? 'green' : 'blue',
      content: (
        <div data-testid={`event-${e.action}`}>
          <Typography.Text strong>{e.label}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {e.occurredOn} · {e.actorName ?? t('matter.system')}
          </Typography.Text>
          {e.summary && (
            <div className="event-summary" data-testid={`event-summary-${e.action}`}>
              {e.summary}
            </div>
          )}
          {fields.length > 0 && (
            <Descriptions size="small" column={1} items={fields} className="event-fields" />
          )}
          <div className="muted">
            {/* A step that leaves the state as it was (e.g. 通知听证 while 审理中) does not repeat it. */}
            {!e.fromState
              ? `${t('matter.stateInitial', { to: e.toStateLabel })} · `
              : e.fromState !== e.toState
                ? `${t('matter.stateChange', { from: kind?.states[e.fromState]?.label ?? e.fromState, to: e.toStateLabel })} · `
                : ''}
            <span title={t('matter.recordedAt')}>{formatShanghai(e.recordedAt)}</span>
          </div>
        </div>
      ),
    };
  });
  return <Timeline items={items} data-testid="matter-timeline" />;
}
