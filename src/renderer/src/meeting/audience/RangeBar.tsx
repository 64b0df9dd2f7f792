// The fine on its statutory range, drawn in SVG: the range from the minimum (left end) to the
// maximum (right end), the discretion bands (从轻 / 一般 / 从重) with their amounts beneath, this
// case's fine as a marker above, and the fines of similar cases as dots on a lane below. In 元.
import { formatYuanText } from '../../../../shared/format/money';
import type { DiscretionBand } from '../../../../shared/meeting/slides';

const W = 1792;
const PAD = 200;
const TRACK_Y = 84;
const TRACK_H = 64;
const LABEL_Y = TRACK_Y + TRACK_H + 44;
const RANGE_Y = LABEL_Y + 38;
const DOTS_Y = RANGE_Y + 50;

const BAND_FILL: Record<DiscretionBand['level'], string> = { 从轻: '#dde3ea', 一般: '#bcc6d1', 从重: '#97a4b3' };

/** A band's two ends in one unit: whole 万元 read as such (5万–10万元), else both in full (36,500–50,000元). */
export function rangeText(loFen: number, hiFen: number): string {
  const wan = (f: number) => f % 1_000_000 === 0;
  if (wan(loFen) && wan(hiFen) && hiFen > 0) return `${loFen / 1_000_000}${loFen > 0 ? '万' : ''}–${hiFen / 1_000_000}万元`;
  return `${formatYuanText(loFen).replace(/元$/, '')}–${formatYuanText(hiFen)}`;
}

/** Rough width of a label at 28 px: CJK characters are square, digits and punctuation about half. */
const textWidth = (s: string, px = 28) => [...s].reduce((w, c) => w + (/[\u4e00-\u9fff（）]/.test(c) ? px : px * 0.56), 0);

interface Props {
  minFen: number;
  maxFen: number;
  bands: DiscretionBand[];
  caseFen: number | null;
  similar: { caseNumber: string; fineFen: number }[];
}

export function RangeBar({ minFen, maxFen, bands, caseFen, similar }: Props) {
  const span = Math.max(1, maxFen - minFen);
  const x = (fen: number) => PAD + (Math.min(Math.max(fen, minFen), maxFen) - minFen) * ((W - 2 * PAD) / span);
  const caseX = caseFen === null ? null : x(caseFen);
  const caseLabel = caseFen === null ? '' : `本案 ${formatYuanText(caseFen)}`;
  // Keep the case label inside the canvas near either end.
  const half = textWidth(caseLabel, 34) / 2;
  const labelX = caseX === null ? 0 : Math.min(Math.max(caseX, half + 8), W - half - 8);
  const H = similar.length ? DOTS_Y + 30 : RANGE_Y + 16;
  return (
    <svg
      className="au-rangebar"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`法定罚款幅度 ${formatYuanText(minFen)} 至 ${formatYuanText(maxFen)}${caseFen !== null ? `，本案拟罚款 ${formatYuanText(caseFen)}` : ''}`}
    >
      <rect x={PAD} y={TRACK_Y} width={W - 2 * PAD} height={TRACK_H} fill="#f4f5f7" stroke="#5b6470" strokeWidth={2} />
      {bands.map((b) => {
        const bx = x(b.loFen);
        const bw = Math.max(2, x(b.hiFen) - bx);
        const range = rangeText(b.loFen, b.hiFen);
        return (
          <g key={b.level}>
            <rect x={bx} y={TRACK_Y} width={bw} height={TRACK_H} fill={BAND_FILL[b.level]} stroke="#5b6470" strokeWidth={2} />
            {bw > 64 && (
              <text x={bx + bw / 2} y={LABEL_Y} textAnchor="middle" className="au-rb-band">
                {b.level}
              </text>
            )}
            {bw > textWidth(range) + 8 && (
              <text x={bx + bw / 2} y={RANGE_Y} textAnchor="middle" className="au-rb-range">
                {range}
              </text>
            )}
          </g>
        );
      })}
      <text x={PAD - 18} y={TRACK_Y + TRACK_H / 2 + 11} textAnchor="end" className="au-rb-end">
        {formatYuanText(minFen)}
      </text>
      <text x={W - PAD + 18} y={TRACK_Y + TRACK_H / 2 + 11} textAnchor="start" className="au-rb-end">
        {formatYuanText(maxFen)}
      </text>
      {similar.length > 0 && (
        <g>
          <text x={PAD - 18} y={DOTS_Y + 10} textAnchor="end" className="au-rb-range">
            同类案件
          </text>
          <line x1={PAD} x2={W - PAD} y1={DOTS_Y} y2={DOTS_Y} stroke="#c9ced6" strokeWidth={2} />
          {similar.map((s) => (
            <circle key={s.caseNumber} cx={x(s.fineFen)} cy={DOTS_Y} r={11} className="au-rb-similar">
              <title>{`${s.caseNumber} ${formatYuanText(s.fineFen)}`}</title>
            </circle>
          ))}
        </g>
      )}
      {caseX !== null && (
        <g className="au-rb-case">
          <line x1={caseX} x2={caseX} y1={TRACK_Y - 20} y2={TRACK_Y + TRACK_H + 4} strokeWidth={6} />
          <path d={`M ${caseX - 17} ${TRACK_Y - 34} L ${caseX + 17} ${TRACK_Y - 34} L ${caseX} ${TRACK_Y - 10} Z`} />
          <text x={labelX} y={TRACK_Y - 46} textAnchor="middle" className="au-rb-case-label">
            {caseLabel}
          </text>
        </g>
      )}
    </svg>
  );
}
