// Display labels for server enums, always through i18n; unknown values are shown raw rather than hidden.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgKind, Role } from '../types.ts';

export function useLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Stable per language, so callers can use the functions as memo dependencies.
  return useMemo(() => {
    void lang;
    const actions = t('audit.actions', { returnObjects: true }) as Record<string, string>;
    return {
      role: (r: Role | string) => t(`role.${r}`, { defaultValue: r }),
      kind: (k: OrgKind | string) => t(`orgKind.${k}`, { defaultValue: k }),
      // Action codes contain dots, so they are looked up in the object rather than as an i18n key path.
      action: (a: string) => actions[a] ?? a,
    };
  }, [t, lang]);
}

const shanghai = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** ISO timestamp → "YYYY-MM-DD HH:mm:ss" in Beijing time, whatever the browser's own zone. */
export function formatShanghai(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(shanghai.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
