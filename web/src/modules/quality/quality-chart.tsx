import { formatNumber } from '../../ui/format.ts';
import classes from './quality-chart.module.css';

/**
 * A bar chart in plain HTML and CSS: each bar is drawn beside its name and its number, so the chart
 * reads the same with a screen reader (a list of names and numbers), zoomed, or in forced colours.
 */
export function QualityChart({
  items,
  labelledBy,
}: {
  items: { label: string; count: number }[];
  labelledBy: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <ul className={classes.chart} aria-labelledby={labelledBy}>
      {items.map((item) => (
        <li key={item.label} className={classes.row}>
          <span className={classes.label}>{item.label}</span>
          <span className={classes.track} aria-hidden>
            <span
              className={classes.bar}
              style={{ display: 'block', width: `${(item.count / max) * 100}%` }}
            />
          </span>
          <span className={classes.value}>{formatNumber(item.count)}</span>
        </li>
      ))}
    </ul>
  );
}
