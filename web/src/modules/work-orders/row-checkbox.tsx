import classes from './inbox.module.css';

/**
 * A plain checkbox for picking a row: the browser's own control (keyboard, screen readers and forced
 * colours for free), sized for a finger, without another component in the inbox's first download.
 */
export function RowCheckbox(props: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange: () => void;
}) {
  return (
    <input
      type="checkbox"
      className={classes.rowCheckbox}
      aria-label={props.label}
      checked={props.checked}
      ref={(element) => {
        if (element) element.indeterminate = props.indeterminate ?? false;
      }}
      onChange={props.onChange}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
