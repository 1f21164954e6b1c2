// The 15-minute circle drawn from the product's own data, offline: villages as dots (green covered, red not, sized by
// their visits), stations as squares by level with their town's reach as a faint circle. No tiles: positions marked
// approximate in the data are drawn dashed and the legend says so. Villages are drawn last: a village's own room
// stands next to it, and the dot (covered or not) is what the page is about.
import { useTranslation } from 'react-i18next';
import type { CoverageStation, CoverageVillage } from '../../types.ts';

const W = 760;
const H = 560;
const levelColour: Record<number, string> = { 1: '#1d39c4', 2: '#08979c', 3: '#7cb305' };
const kindColour: Record<string, string> = {
  workstation: '#d46b08',
  liaison: '#d48806',
  practice: '#9254de',
};

export function CircleMap({
  villages,
  stations,
}: {
  villages: CoverageVillage[];
  stations: CoverageStation[];
}) {
  const { t } = useTranslation();
  const placed = [
    ...villages.map((v) => [v.lat, v.lng]),
    ...stations.filter((s) => s.lat !== null).map((s) => [s.lat!, s.lng!]),
  ];
  if (!placed.length) return <p>{t('legalServices.noPositions')}</p>;
  const lats = placed.map((p) => p[0]!);
  const lngs = placed.map((p) => p[1]!);
  const [minLat, maxLat, minLng, maxLng] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lngs),
    Math.max(...lngs),
  ];
  // Metres per pixel, the same both ways (an equirectangular view of a small district).
  const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  // At least 2 km across: with every position in one spot (a single station, a network being set up) the scale would
  // otherwise blow a 1.2 km circle up to millions of pixels, which the browser hangs drawing.
  const spanX = Math.max((maxLng - minLng) * 111320 * cos, 2000);
  const spanY = Math.max((maxLat - minLat) * 110540, 2000);
  const scale = Math.min((W - 40) / spanX, (H - 40) / spanY);
  const x = (lng: number) => 20 + (lng - minLng) * 111320 * cos * scale;
  const y = (lat: number) => H - 20 - (lat - minLat) * 110540 * scale;
  const reach = new Map(villages.map((v) => [v.code.slice(0, 9), v.radius]));
  const maxVisits = Math.max(1, ...villages.map((v) => v.visits));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('legalServices.mapLabel')}>
      <rect x={0} y={0} width={W} height={H} fill="#fafafa" stroke="#d9d9d9" />
      {stations
        .filter((s) => s.lat !== null && s.stationKind === 'station')
        .map((s) => (
          <circle
            key={`r${s.id}`}
            cx={x(s.lng!)}
            cy={y(s.lat!)}
            r={(reach.get(s.regionCode.slice(0, 9)) ?? 1200) * scale}
            fill={levelColour[s.level ?? 3]}
            fillOpacity={0.05}
            stroke={levelColour[s.level ?? 3]}
            strokeOpacity={0.25}
            strokeDasharray={s.positionApprox ? '4 3' : undefined}
          />
        ))}
      {stations
        .filter((s) => s.lat !== null)
        .map((s) => (
          <rect
            key={s.id}
            x={x(s.lng!) - 4}
            y={y(s.lat!) - 4}
            width={8}
            height={8}
            fill={s.level ? levelColour[s.level] : (kindColour[s.stationKind] ?? '#595959')}
          >
            <title>{`${s.name}${s.positionApprox ? `（${t('legalServices.approximate')}）` : ''}`}</title>
          </rect>
        ))}
      {villages.map((v) => (
        <circle
          key={v.code}
          cx={x(v.lng)}
          cy={y(v.lat)}
          r={3 + (5 * v.visits) / maxVisits}
          fill={v.covered ? '#52c41a' : '#f5222d'}
          stroke="#fff"
        >
          <title>{`${v.town} ${v.name}：${v.covered ? t('legalServices.covered') : t('legalServices.uncovered')}，${t('legalServices.visits')} ${v.visits}${v.approximate ? `（${t('legalServices.approximate')}）` : ''}`}</title>
        </circle>
      ))}
    </svg>
  );
}
