// A figure of the workbench: a number with its caption, linked to the page that lists what it counts.
import { Link } from 'react-router-dom';

export type FigureTone = 'danger' | 'warning' | 'normal' | 'muted';

export function Figure({
  to,
  value,
  caption,
  tone = 'normal',
  hint,
  testId,
}: {
  to: string;
  value: number | string;
  caption: string;
  tone?: FigureTone;
  hint?: string;
  testId?: string;
}) {
  return (
    <Link to={to} className={`wb-figure wb-figure-${tone}`} data-testid={testId}>
      <span className="wb-figure-value">{value}</span>
      <span className="wb-figure-caption">{caption}</span>
      {hint && <span className="wb-figure-hint">{hint}</span>}
    </Link>
  );
}

/** A short explanation where a section has nothing to list, so an empty card never looks broken. */
export function Nothing({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <div className="wb-nothing" data-testid={testId}>
      {children}
    </div>
  );
}
