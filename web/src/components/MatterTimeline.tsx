// 办理过程: the matter's events oldest first — what was done (the line's label and one-line summary), by whom,
// on which business date, and the state it moved to. Raw payloads hold identity numbers and long texts, so
// they are shown only as a fallback for a step the line gave no summary, and never for the registration.
import { Button, Descriptions, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { enumLabel, type JsonSchema, normalize } from '../kernel/schema.ts';
import type { CorrectionOffer, KindDef, MatterEvent } from '../kernel/types.ts';
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

interface Props {
  kind: KindDef | undefined;
  events: MatterEvent[];
  /** The latest step, when the user may correct it (更正): its item gets the button. */
  correctable?: CorrectionOffer['step'];
  onCorrect?(): void;
}

const CORRECTION = 'kernel.correct';

export function MatterTimeline({ kind, events, correctable, onCorrect }: Props) {
  const { t } = useTranslation();
  const items = events.map((e) => {
    const voided = Boolean(e.voidedBy);
    const fields =
      e.action === 'create' || e.action === CORRECTION || e.summary
        ? []
        : payloadItems(kind?.actions[e.action]?.schema, e.payload ?? {});
    return {
      key: e.id,
      color:
        e.action === CORRECTION
          ? 'red'
          : voided
            ? 'gray'
            : kind?.states[e.toState]?.terminal
              ? 'green'
              : 'blue',
      content: (
        <div
          data-testid={e.action === CORRECTION ? 'event-correction' : `event-${e.action}`}
          data-voided={voided || undefined}
          className={voided ? 'event-voided' : undefined}
        >
          <Typography.Text strong delete={voided} type={e.action === CORRECTION ? 'danger' : undefined}>
            {e.label}
          </Typography.Text>
          {voided && (
            <Tag color="default" style={{ marginInlineStart: 8 }} data-testid="event-voided-tag">
              {t('correction.voided')}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {e.occurredOn} · {e.actorName ?? t('matter.system')}
          </Typography.Text>
          {correctable?.allowed && correctable.eventId === e.id && onCorrect && (
            <Button size="small" danger type="link" onClick={onCorrect} data-testid={`correct-event-${e.id}`}>
              {t('correction.button')}
            </Button>
          )}
          {e.summary && (
            <div
              className="event-summary"
              data-testid={`event-summary-${e.action === CORRECTION ? 'correction' : e.action}`}
              style={voided ? { textDecoration: 'line-through' } : undefined}
            >
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
